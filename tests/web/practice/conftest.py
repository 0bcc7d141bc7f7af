import pytest

from tests.web.base import signed_in


@pytest.fixture
def client_browser(practice):
    return signed_in(practice.client)


@pytest.fixture
def coach_browser(practice):
    return signed_in(practice.coach)
