"""axe-core in a Playwright page, for the browser tests that hold pages to WCAG 2.1 A and AA (the
public pages, the committee report): the violations it finds, as readable lines. axe-core 4.14.1
is vendored for the tests only under `core/tests/vendor/` (MPL-2.0); it is injected as an inline
script, so the page must be opened with `bypass_csp=True`."""

from pathlib import Path

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The screens the pages are checked on: a laptop and a 375 px phone.
SIZES = {"desktop": (1280, 900), "phone": (375, 812)}


def axe_violations(page) -> list[str]:
    """axe's WCAG 2.1 A and AA violations on the page as it is now, one line each; [] for none."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    assert len(result["passes"]) > 10  # axe ran its rules on the page
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} – "
        + "; ".join(node["target"][0] for node in violation["nodes"][:5])
        for violation in result["violations"]
    ]
