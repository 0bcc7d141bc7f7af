import pytest

from tests.web.base import make_practice


@pytest.fixture
def practice(db):
    return make_practice()
