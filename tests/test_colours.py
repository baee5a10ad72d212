"""The agency colours: contrast against the chart's white background (WCAG 1.4.11) and
told apart with normal colour vision and under simulated colour-vision deficiencies."""

from itertools import combinations

import numpy as np
import pytest
from colorspacious import cspace_convert

from timeline.view import PALETTE

DISTINCT = 10  # the first ten colours are told apart (a review rarely has more agencies)
MIN_DISTANCE = 10.0  # CAM02-UCS ΔE' between any two of them, under every simulation
SIMULATIONS = [None, "protanomaly", "deuteranomaly", "tritanomaly"]


def _rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255.0


def relative_luminance(rgb: np.ndarray) -> float:
    """WCAG 2.x relative luminance of an sRGB colour (channels 0..1)."""
    c = np.where(rgb <= 0.03928, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return float(c @ np.array([0.2126, 0.7152, 0.0722]))


def contrast_with_white(hex_colour: str) -> float:
    return 1.05 / (relative_luminance(_rgb(hex_colour)) + 0.05)


def seen_as(rgb: np.ndarray, simulation: str | None) -> np.ndarray:
    if simulation:
        cvd = {"name": "sRGB1+CVD", "cvd_type": simulation, "severity": 100}
        rgb = np.clip(cspace_convert(rgb, cvd, "sRGB1"), 0, 1)
    return cspace_convert(rgb, "sRGB1", "CAM02-UCS")


def test_co000_the_contrast_formula_matches_known_values():
    # WCAG's own reference points: black on white 21:1, white on white 1:1, #767676 4.54:1
    assert contrast_with_white("#000000") == pytest.approx(21.0)
    assert contrast_with_white("#FFFFFF") == pytest.approx(1.0)
    assert contrast_with_white("#767676") == pytest.approx(4.54, abs=0.01)


def test_co001_every_agency_colour_has_3_to_1_contrast_on_white():
    low = {c: round(contrast_with_white(c), 2) for c in PALETTE if contrast_with_white(c) < 3}
    assert low == {}


@pytest.mark.parametrize("simulation", SIMULATIONS)
def test_co002_the_first_ten_stay_apart_under_each_colour_vision_simulation(simulation):
    seen = {c: seen_as(_rgb(c), simulation) for c in PALETTE[:DISTINCT]}
    closest = min(
        (float(np.linalg.norm(seen[a] - seen[b])), a, b) for a, b in combinations(seen, 2)
    )
    assert closest[0] > MIN_DISTANCE, closest


def test_co003_the_simulation_does_collapse_red_and_green():
    """The check can fail: a red and a green that differ plainly to normal vision come
    close under deuteranopia."""
    red, green = _rgb("#D55E00"), _rgb("#009E73")
    normal = np.linalg.norm(seen_as(red, None) - seen_as(green, None))
    deutan = np.linalg.norm(seen_as(red, "deuteranomaly") - seen_as(green, "deuteranomaly"))
    assert deutan < normal / 2
