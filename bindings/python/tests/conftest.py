from datetime import datetime, timezone

import pytest

# One instant for every test: results never depend on the clock.
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def now():
    return NOW
