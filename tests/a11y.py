"""axe-core accessibility checks for browser tests."""

from axe_playwright_python.sync_playwright import Axe

_axe = Axe()
# WCAG 2.1 A and AA rules, which RGAA 4.1 maps to.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}


def assert_no_axe_violations(page, context=None):
    """Fail with a readable list of violations (rule, impact, first offending nodes)."""
    results = _axe.run(page, context=context, options=AXE_OPTIONS)
    violations = results.response.get("violations", [])
    if violations:
        lines = []
        for violation in violations:
            targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
            lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
        raise AssertionError(f"axe violations on {page.url}:\n" + "\n".join(lines))
