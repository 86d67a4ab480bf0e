"""Applications reads open follow-ups by name, without importing this room: the names agree."""

from tracker.applications.selectors import OPEN_FOLLOWUP_STATUSES
from tracker.followups.models import OPEN_STATUSES


def test_the_board_and_table_count_the_same_follow_ups_as_open() -> None:
    assert set(OPEN_FOLLOWUP_STATUSES) == {str(status) for status in OPEN_STATUSES}
