#!/usr/bin/env python3
"""The translation check itself: each kind of unfinished translation is reported, a finished
one is not (so translations_complete cannot pass by checking nothing)."""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_translations import check  # noqa: E402


def ts(language, body):
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
            f'<TS version="2.1" language="{language}"><context><name>Inkwell::MainWindow</name>'
            f'{body}</context></TS>')


class CheckTranslations(unittest.TestCase):
    def problems(self, language, body):
        with tempfile.NamedTemporaryFile("w", suffix=".ts", delete=False, encoding="utf-8") as f:
            f.write(ts(language, body))
        try:
            return check(f.name)
        finally:
            os.unlink(f.name)

    def test_a_finished_translation_passes(self):
        self.assertEqual(self.problems("de", "<message><source>&amp;File %1</source>"
                                             "<translation>&amp;Datei %1</translation></message>"
                                             '<message numerus="yes"><source>%n entries</source><translation>'
                                             "<numerusform>%n Eintrag</numerusform>"
                                             "<numerusform>%n Einträge</numerusform></translation></message>"), [])

    def test_unfinished_and_vanished_strings_fail(self):
        self.assertIn("not translated", self.problems(
            "de", '<message><source>Sync</source><translation type="unfinished"/></message>')[0])
        self.assertIn("no longer in the sources", self.problems(
            "de", '<message><source>Old</source><translation type="vanished">Alt</translation></message>')[0])

    def test_a_lost_placeholder_or_mnemonic_fails(self):
        self.assertIn("placeholders", self.problems(
            "ru", "<message><source>Synced at %1</source><translation>Синхронизировано</translation></message>")[0])
        self.assertIn("mnemonic", self.problems(
            "ru", "<message><source>&amp;File</source><translation>Файл</translation></message>")[0])
        # "&&" is a literal ampersand, not a mnemonic.
        self.assertTrue(self.problems(
            "de", "<message><source>&amp;Save</source><translation>A &amp;&amp; B</translation></message>"))

    def test_every_russian_plural_form_says_the_number(self):
        problems = self.problems("ru", '<message numerus="yes"><source>%n entries</source><translation>'
                                       "<numerusform>одна запись</numerusform><numerusform>%n записи</numerusform>"
                                       "<numerusform>%n записей</numerusform></translation></message>")
        self.assertIn("%n", problems[0])
        self.assertIn("empty", self.problems("ru", '<message numerus="yes"><source>%n entries</source><translation>'
                                                   "<numerusform>%n запись</numerusform><numerusform/>"
                                                   "<numerusform>%n записей</numerusform></translation></message>")[0])


if __name__ == "__main__":
    unittest.main()
