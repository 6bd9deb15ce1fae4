"""Numbered schema migrations. Never edit one that has shipped: add the next.

Each later change adds a migration here and a fixture file written by the previous
version under tests/fixtures/db/; the suite upgrades every fixture to the latest.
"""
from __future__ import annotations

from .committee_schema import step as _committee_step

APPLICATION_ID = 0x4B444D31  # "KDM1": marks a SQLite file as ours

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "cell, members with dated periods and discipline, meetings", [
        """CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
        """CREATE TABLE cell (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL DEFAULT '',
            higher_org TEXT NOT NULL DEFAULT '',
            code TEXT NOT NULL DEFAULT '',
            is_grassroots INTEGER NOT NULL DEFAULT 0,
            has_committee INTEGER NOT NULL DEFAULT 0
        )""",
        "INSERT INTO cell (id) VALUES (1)",
        """CREATE TABLE member (
            id TEXT PRIMARY KEY,
            full_name TEXT NOT NULL CHECK (full_name <> ''),
            gender TEXT,
            birth_date TEXT,
            admission_date TEXT,
            official_date TEXT,
            card_number TEXT NOT NULL DEFAULT '',
            party_post TEXT NOT NULL DEFAULT 'member',
            government_post TEXT NOT NULL DEFAULT '',
            work_unit TEXT NOT NULL DEFAULT '',
            quota_group TEXT NOT NULL DEFAULT '',
            last_year_level TEXT NOT NULL DEFAULT '',
            declared_type TEXT NOT NULL DEFAULT '',
            declared_on TEXT,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE UNIQUE INDEX member_card_number ON member(card_number) WHERE card_number <> ''",
        """CREATE TABLE member_period (
            id INTEGER PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            start_date TEXT NOT NULL,
            end_date TEXT,
            note TEXT NOT NULL DEFAULT '',
            CHECK (end_date IS NULL OR end_date >= start_date)
        )""",
        "CREATE INDEX member_period_member ON member_period(member_id)",
        """CREATE TABLE discipline (
            id INTEGER PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
            form TEXT NOT NULL,
            violation_date TEXT,
            decision_date TEXT NOT NULL,
            duty_linked INTEGER NOT NULL DEFAULT 0,
            self_detected_remedied INTEGER NOT NULL DEFAULT 0,
            previous_unit INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX discipline_member ON discipline(member_id)",
        """CREATE TABLE meeting (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('main', 'supplementary')),
            rating_year INTEGER NOT NULL,
            state TEXT NOT NULL DEFAULT 'preparing'
                CHECK (state IN ('preparing', 'in_progress', 'held', 'locked')),
            meeting_date TEXT,
            place TEXT NOT NULL DEFAULT '',
            document_number TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )""",
    ]),
]

MIGRATIONS.append((2, "meeting guide: agenda steps, attendance, self-reviews, comments, delegates, undo log", [
    "ALTER TABLE meeting ADD COLUMN start_time TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE meeting ADD COLUMN end_time TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE meeting ADD COLUMN chair_id TEXT REFERENCES member(id)",
    "ALTER TABLE meeting ADD COLUMN minute_taker_id TEXT REFERENCES member(id)",
    "ALTER TABLE meeting ADD COLUMN rule_set_id TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE meeting ADD COLUMN current_step_id TEXT",
    "ALTER TABLE meeting ADD COLUMN started_at TEXT",
    """CREATE TABLE delegate (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE agenda_step (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'not_started' CHECK (state IN ('not_started', 'in_progress', 'done')),
        subject_member_id TEXT REFERENCES member(id),
        chair_id TEXT REFERENCES member(id),
        started_at TEXT NOT NULL DEFAULT '',
        finished_at TEXT NOT NULL DEFAULT '',
        report TEXT NOT NULL DEFAULT '',
        answer TEXT NOT NULL DEFAULT '',
        conclusion TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX agenda_step_meeting ON agenda_step(meeting_id, position)",
    """CREATE TABLE attendance (
        meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL REFERENCES member(id),
        status TEXT NOT NULL CHECK (status IN ('present', 'absent_approved', 'absent_unapproved', 'absent_no_reason')),
        reason TEXT NOT NULL DEFAULT '',
        arrived_at TEXT NOT NULL DEFAULT '',
        left_at TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (meeting_id, member_id)
    )""",
    """CREATE TABLE self_review (
        meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL REFERENCES member(id),
        summary TEXT NOT NULL DEFAULT '',
        general_score REAL,
        task_score REAL,
        grades TEXT NOT NULL DEFAULT '{}',
        proposed_level TEXT NOT NULL DEFAULT '',
        attachment_name TEXT NOT NULL DEFAULT '',
        attachment BLOB,
        PRIMARY KEY (meeting_id, member_id)
    )""",
    """CREATE TABLE written_comment (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        member_id TEXT REFERENCES member(id),
        source TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE comment (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        step_id TEXT NOT NULL REFERENCES agenda_step(id) ON DELETE CASCADE,
        speaker_member_id TEXT REFERENCES member(id),
        speaker_delegate_id TEXT REFERENCES delegate(id),
        speaker_name TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        spoken_at TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX comment_step ON comment(step_id, position)",
    """CREATE TABLE command_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        merge_key TEXT NOT NULL DEFAULT '',
        forward TEXT NOT NULL,
        backward TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 1,
        barrier INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    )""",
]))
MIGRATIONS.append((3, "votes, ballots (anonymous papers while counting), ratings, later decisions", [
    # The visible settings of DOMAIN.md marked (default): counting method, thresholds, base exclusions.
    "ALTER TABLE meeting ADD COLUMN settings TEXT NOT NULL DEFAULT '{}'",
    """CREATE TABLE ballot (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        step_id TEXT REFERENCES agenda_step(id),
        layout TEXT NOT NULL DEFAULT 'common' CHECK (layout IN ('common', 'single')),
        taken_at TEXT NOT NULL DEFAULT '',
        issued INTEGER NOT NULL DEFAULT 0,
        returned INTEGER NOT NULL DEFAULT 0,
        valid INTEGER NOT NULL DEFAULT 0,
        invalid INTEGER NOT NULL DEFAULT 0,
        counting_team TEXT NOT NULL DEFAULT '[]',
        double_entry INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'counting' CHECK (state IN ('counting', 'accepted'))
    )""",
    """CREATE TABLE vote (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        step_id TEXT REFERENCES agenda_step(id),
        position INTEGER NOT NULL DEFAULT 0,
        kind TEXT NOT NULL CHECK (kind IN ('agenda', 'counting_team', 'rating', 'minutes', 'other')),
        question TEXT NOT NULL,
        subject TEXT,
        method TEXT NOT NULL CHECK (method IN ('hands', 'ballot')),
        ballot_id TEXT REFERENCES ballot(id) ON DELETE CASCADE,
        taken_at TEXT NOT NULL DEFAULT '',
        yes INTEGER NOT NULL DEFAULT 0,
        no INTEGER NOT NULL DEFAULT 0,
        abstain INTEGER NOT NULL DEFAULT 0,
        settings TEXT NOT NULL DEFAULT '{}',
        supersedes TEXT REFERENCES vote(id),
        recorded INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX vote_meeting ON vote(meeting_id, position)",
    """CREATE TABLE vote_level (
        vote_id TEXT NOT NULL REFERENCES vote(id) ON DELETE CASCADE,
        entry INTEGER NOT NULL DEFAULT 1 CHECK (entry IN (1, 2)),
        level TEXT NOT NULL CHECK (level IN ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED', 'BLANK')),
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (vote_id, entry, level)
    )""",
    # One paper while it is being counted: no voter, no time, no entry order (random key,
    # no rowid). Reduced to totals and deleted when the count is accepted.
    """CREATE TABLE ballot_paper (
        id TEXT PRIMARY KEY,
        ballot_id TEXT NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,
        marks TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE rating (
        meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        subject TEXT NOT NULL,
        accepted_general REAL,
        accepted_task REAL,
        score_change_reason TEXT NOT NULL DEFAULT '',
        justifications TEXT NOT NULL DEFAULT '{}',
        facts TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (meeting_id, subject)
    )""",
    """CREATE TABLE level_decision (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meeting(id),
        subject TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('decided', 're_rating')),
        level TEXT NOT NULL,
        decided_on TEXT NOT NULL,
        reference TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
]))
MIGRATIONS.append((4, "adoption and lock: revisions, and an append-only history of changes after the lock", [
    "ALTER TABLE meeting ADD COLUMN revision INTEGER NOT NULL DEFAULT 0",
    # The place named in the documents' date line: "Hà Nội, ngày … tháng … năm …"
    "ALTER TABLE cell ADD COLUMN locality TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE meeting ADD COLUMN reopen_reason TEXT NOT NULL DEFAULT ''",
    """CREATE TABLE history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id TEXT NOT NULL REFERENCES meeting(id),
        at TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('lock', 'reopen', 'change', 'decision')),
        revision INTEGER NOT NULL,
        what TEXT NOT NULL DEFAULT '',
        why TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX history_meeting ON history(meeting_id, id)",
    """CREATE TRIGGER history_append_only_update BEFORE UPDATE ON history
       BEGIN SELECT RAISE(ABORT, 'history is append-only'); END""",
    """CREATE TRIGGER history_append_only_delete BEFORE DELETE ON history
       BEGIN SELECT RAISE(ABORT, 'history is append-only'); END""",
]))

MIGRATIONS.append((5, "the higher committee's side: the register of cell certificates and the inbox of packages", [
    # One row per (cell, certificate) the committee confirmed (fingerprint read from the
    # handover slip or over the phone). A cell is known by its code, or its name when it has none.
    """CREATE TABLE cell_key (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        cell_key TEXT NOT NULL,
        cell_code TEXT NOT NULL DEFAULT '',
        cell_name TEXT NOT NULL,
        higher_org TEXT NOT NULL DEFAULT '',
        fingerprint TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        certificate BLOB NOT NULL,
        trusted_at TEXT NOT NULL,
        UNIQUE (cell_key, fingerprint)
    )""",
    "CREATE INDEX cell_key_cell ON cell_key(cell_key)",
    # One row per package received (its SHA-256): verified, refused or superseded by a newer revision.
    """CREATE TABLE inbox (
        package_sha256 TEXT PRIMARY KEY,
        received_at TEXT NOT NULL,
        file_name TEXT NOT NULL DEFAULT '',
        size INTEGER NOT NULL DEFAULT 0,
        cell_key TEXT NOT NULL DEFAULT '',
        cell_name TEXT NOT NULL DEFAULT '',
        meeting_id TEXT NOT NULL DEFAULT '',
        rating_year INTEGER,
        revision INTEGER,
        created_at TEXT NOT NULL DEFAULT '',
        signer_fingerprint TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL CHECK (state IN ('verified', 'refused', 'superseded')),
        reason TEXT NOT NULL DEFAULT '',
        folder TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX inbox_year ON inbox(rating_year, cell_key)",
]))

MIGRATIONS.append((6, "the higher committee's side: the roots of the certification authorities it trusts", [
    # One row per CA certificate the committee imported (a root, or an intermediate it chose to
    # trust directly): the cells' CA-issued certificates must chain to one of these.
    """CREATE TABLE ca_root (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        fingerprint TEXT NOT NULL UNIQUE,
        subject TEXT NOT NULL DEFAULT '',
        certificate BLOB NOT NULL,
        imported_at TEXT NOT NULL
    )""",
    # The chain status of each package's signer certificate, as shown when it was opened.
    "ALTER TABLE inbox ADD COLUMN chain TEXT NOT NULL DEFAULT ''",
]))

MIGRATIONS.append((7, "the record of the votes: re-vote rounds, blank and double-ticked rows apart, presence intervals, "
                      "the counting record's number and end time", [
    # Which levels a round offered ([] = all four) and why it was held again (below quorum, no majority).
    "ALTER TABLE vote ADD COLUMN offered TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE vote ADD COLUMN revote_reason TEXT NOT NULL DEFAULT ''",
    # The counting record: its number ("…-BBKP/CB") and when the count ended.
    "ALTER TABLE ballot ADD COLUMN counted_at TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE ballot ADD COLUMN document_number TEXT NOT NULL DEFAULT ''",
    # A member who leaves and comes back: every stretch in the room, JSON [["08:00", "09:10"], …].
    "ALTER TABLE attendance ADD COLUMN intervals TEXT NOT NULL DEFAULT '[]'",
    # A row ticked twice ("MULTIPLE") counted apart from a blank row ("BLANK"): both invalid for
    # that member. SQLite cannot change a CHECK: the table is copied whole.
    """CREATE TABLE vote_level_v7 (
        vote_id TEXT NOT NULL REFERENCES vote(id) ON DELETE CASCADE,
        entry INTEGER NOT NULL DEFAULT 1 CHECK (entry IN (1, 2)),
        level TEXT NOT NULL CHECK (level IN ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED', 'BLANK', 'MULTIPLE')),
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (vote_id, entry, level)
    )""",
    "INSERT INTO vote_level_v7 (vote_id, entry, level, count) SELECT vote_id, entry, level, count FROM vote_level",
    "DROP TABLE vote_level",
    "ALTER TABLE vote_level_v7 RENAME TO vote_level",
]))

MIGRATIONS.append((8, "a supplementary session is linked to the main meeting of its rating year", [
    # No foreign key: a supplementary session imported before its main meeting keeps the link.
    "ALTER TABLE meeting ADD COLUMN main_meeting_id TEXT",
    # Existing supplementary sessions: the first main meeting of the same rating year.
    """UPDATE meeting SET main_meeting_id = (
           SELECT m.id FROM meeting AS m WHERE m.kind = 'main' AND m.rating_year = meeting.rating_year
           ORDER BY m.created_at, m.id LIMIT 1)
       WHERE kind = 'supplementary'""",
]))

MIGRATIONS.append((9, "the collectives' self-rating (Mẫu 01): committee and cell", [
    """CREATE TABLE collective_review (
        meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        subject TEXT NOT NULL CHECK (subject IN ('committee', 'cell')),
        presenter TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        strengths TEXT NOT NULL DEFAULT '',
        shortcomings TEXT NOT NULL DEFAULT '',
        remedies TEXT NOT NULL DEFAULT '',
        general_score REAL CHECK (general_score IS NULL OR general_score BETWEEN 0 AND 30),
        task_score REAL CHECK (task_score IS NULL OR task_score BETWEEN 0 AND 70),
        grades TEXT NOT NULL DEFAULT '{}',
        proposed_level TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (meeting_id, subject)
    )""",
]))

# The committee's year (its cells, the proposals of the packages received, decisions with their
# history, notices): the "year" step of committee_schema.py, the same tables a PostgreSQL store gets.
MIGRATIONS.append((10, "the higher committee's year: cells, proposals, decisions, notices",
                   _committee_step("year", "sqlite")))

LATEST_VERSION = MIGRATIONS[-1][0]
