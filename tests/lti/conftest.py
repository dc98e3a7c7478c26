import pytest
import responses


@pytest.fixture
def mock():
    """The platform's HTTP endpoints, answered by `responses` (tests add what each call gets)."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as requests_mock:
        yield requests_mock
