#pragma once

#include "common/Dialogs.h"

#include <QDialog>
#include <QStringList>
#include <QTest>

#include <functional>
#include <optional>

// The views' Dialogs in tests: each question is answered at once by what the test set for its
// kind, and every question, warning and notice is kept in `asked` in order. A question the test
// did not expect (no answer set) fails the running test and is answered no / cancelled.
class ScriptedDialogs final : public Inkwell::Dialogs
{
public:
    std::function<bool(const Inkwell::Question&)> confirmAnswer;
    std::function<std::optional<QString>(const QString& label, const QString& current)> textAnswer;
    std::function<std::optional<QString>(const QStringList& items)> itemAnswer;
    std::function<std::optional<QString>()> fileAnswer;
    // Fills in the view's own dialog as a user would and returns its result (QDialog::Accepted...).
    std::function<int(QDialog&)> dialogAnswer;
    QStringList asked;

    void confirm(QWidget*, const Inkwell::Question& question, std::function<void(bool)> answered) override
    {
        asked.append(question.text);
        answered(expected(confirmAnswer, "confirm") && confirmAnswer(question));
    }
    void askText(QWidget*, const QString&, const QString& label, const QString& current,
                 std::function<void(const QString&)> answered) override
    {
        asked.append(label);
        if (expected(textAnswer, "askText"))
            answerIfGiven(textAnswer(label, current), answered);
    }
    void chooseItem(QWidget*, const QString&, const QString& label, const QStringList& items,
                    std::function<void(const QString&)> chosen) override
    {
        asked.append(label);
        if (expected(itemAnswer, "chooseItem"))
            answerIfGiven(itemAnswer(items), chosen);
    }
    void chooseFileToOpen(QWidget*, const QString& title, const QString&,
                          std::function<void(const QString&)> chosen) override
    {
        asked.append(title);
        if (expected(fileAnswer, "chooseFileToOpen"))
            answerIfGiven(fileAnswer(), chosen);
    }
    void inform(QWidget*, const QString&, const QString& text) override { asked.append(text); }
    void warn(QWidget*, const QString&, const QString& text) override { asked.append(text); }
    void run(QDialog* dialog, std::function<void(int)> finished) override
    {
        asked.append(dialog->windowTitle());
        const int result = expected(dialogAnswer, "run") ? dialogAnswer(*dialog) : int(QDialog::Rejected);
        finished(result);
        delete dialog;
    }

private:
    template <typename Answer>
    static bool expected(const Answer& answer, const char* what)
    {
        if (!answer)
            QTest::qFail(qPrintable(QStringLiteral("unexpected dialog: %1").arg(QLatin1String(what))),
                         __FILE__, __LINE__);
        return bool(answer);
    }
    static void answerIfGiven(const std::optional<QString>& answer,
                              const std::function<void(const QString&)>& then)
    {
        if (answer)
            then(*answer);
    }
};
