<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccountStore</name>
    <message numerus="yes">
        <source>The account &quot;%1&quot; still has %n items in the outbox. Send or discard them before removing the account.</source>
        <translation>
            <numerusform>The account &quot;%1&quot; still has an item in the outbox. Send or discard it before removing the account.</numerusform>
            <numerusform>The account &quot;%1&quot; still has %n items in the outbox. Send or discard them before removing the account.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::CalendarView</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::ExportCommand</name>
    <message numerus="yes">
        <source>%n entries of %1 written to %2</source>
        <extracomment>%1 is the journal, %2 the file or folder written.</extracomment>
        <translation>
            <numerusform>%n entry of %1 written to %2</numerusform>
            <numerusform>%n entries of %1 written to %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::ProtocolCommands</name>
    <message numerus="yes">
        <source>Userpics:     %1 (%n keywords)</source>
        <extracomment>%1 is how many pictures there are, %n how many keywords name them.</extracomment>
        <translation>
            <numerusform>Userpics:     %1 (%n keyword)</numerusform>
            <numerusform>Userpics:     %1 (%n keywords)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::Cli::SyncCommand</name>
    <message numerus="yes">
        <source>listing changes %1/%n entries</source>
        <extracomment>Progress: %1 entries of %n listed so far.</extracomment>
        <translation>
            <numerusform>listing changes %1/%n entry</numerusform>
            <numerusform>listing changes %1/%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>fetching %1/%n entries</source>
        <extracomment>Progress: %1 entries of %n fetched so far.</extracomment>
        <translation>
            <numerusform>fetching %1/%n entry</numerusform>
            <numerusform>fetching %1/%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your queued changes did not go: refused by the server or in conflict with a change made elsewhere. &apos;inkwell-cli outbox %1&apos; shows them and why.</source>
        <extracomment>%1 is the account.</extracomment>
        <translation>
            <numerusform>%n of your queued changes did not go: refused by the server or in conflict with a change made elsewhere. &apos;inkwell-cli outbox %1&apos; shows it and why.</numerusform>
            <numerusform>%n of your queued changes did not go: refused by the server or in conflict with a change made elsewhere. &apos;inkwell-cli outbox %1&apos; shows them and why.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::FriendsSync</name>
    <message numerus="yes">
        <source>The server refused %n changes.</source>
        <translation>
            <numerusform>The server refused %n change.</numerusform>
            <numerusform>The server refused %n changes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::FriendsView</name>
    <message numerus="yes">
        <source>%n changes waiting to be sent.</source>
        <translation>
            <numerusform>%n change waiting to be sent.</numerusform>
            <numerusform>%n changes waiting to be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changes refused by the server: %1</source>
        <translation>
            <numerusform>%n change refused by the server: %1</numerusform>
            <numerusform>%n changes refused by the server: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::MainWindow</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::OutboxView</name>
    <message numerus="yes">
        <source>%n items wait to be sent, oldest first.</source>
        <translation>
            <numerusform>%n item waits to be sent.</numerusform>
            <numerusform>%n items wait to be sent, oldest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::PreferencesDialog</name>
    <message numerus="yes">
        <source>Every %n hours</source>
        <translation>
            <numerusform>Every hour</numerusform>
            <numerusform>Every %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n minutes</source>
        <translation>
            <numerusform>Every minute</numerusform>
            <numerusform>Every %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::SearchView</name>
    <message numerus="yes">
        <source>Too many matches to rank: the %n most recent, newest first. Add words or filters to narrow them down.</source>
        <translation>
            <numerusform>Too many matches to rank: the most recent one. Add words or filters to narrow them down.</numerusform>
            <numerusform>Too many matches to rank: the %n most recent, newest first. Add words or filters to narrow them down.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The best %n matches; add words or filters to narrow them down.</source>
        <translation>
            <numerusform>The best match; add words or filters to narrow them down.</numerusform>
            <numerusform>The best %n matches; add words or filters to narrow them down.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matching entries, best first</source>
        <translation>
            <numerusform>%n matching entry</numerusform>
            <numerusform>%n matching entries, best first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::SyncStatusWidget</name>
    <message numerus="yes">
        <source>%n changes not sent yet</source>
        <translation>
            <numerusform>%n change not sent yet</numerusform>
            <numerusform>%n changes not sent yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inkwell::WritingDesk</name>
    <message numerus="yes">
        <source>%1: %n entries posted.</source>
        <translation>
            <numerusform>%1: the entry is posted.</numerusform>
            <numerusform>%1: %n entries posted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n changes wait in the outbox (%2).</source>
        <translation>
            <numerusform>%1: %n change waits in the outbox (%2).</numerusform>
            <numerusform>%1: %n changes wait in the outbox (%2).</numerusform>
        </translation>
    </message>
</context>
</TS>
