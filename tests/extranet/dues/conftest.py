"""Helpers of the dues' tests: the current year's scale (the demo's), the treasurer."""

import pytest

from extranet.dues import services
from tests.factories.dues import scale


@pytest.fixture
def year():
    return services.current_year()


@pytest.fixture
def this_years_scale(year):
    """The demo's scale: 30 € under 10,000 €, 80 € from 10,000 €, 150 € from 50,000 €,
    300 € from 200,000 €; 20 % to the solidarity fund."""
    return scale(year)


@pytest.fixture
def treasurer(coordinator):
    """The treasurer is one of the coordinators."""
    return coordinator
