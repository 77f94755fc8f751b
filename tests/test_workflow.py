"""The GitHub Pages workflow: valid, complete, pinned, and running only commands we have."""

from __future__ import annotations

import re
import shlex

import yaml
from project import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
MAKE_TARGETS = set(re.findall(r"^([\w-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"),
                              re.MULTILINE))


def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as true
    return data


def steps(job: str) -> list[dict]:
    return workflow()["jobs"][job]["steps"]


def test_runs_on_push_to_main_and_on_pull_requests():
    assert workflow()["on"] == {"push": {"branches": ["main"]}, "pull_request": None}


def test_build_job_tests_checks_builds_strict_and_uploads_the_site():
    names = [step.get("uses", "").split("@")[0] or step["run"] for step in steps("build")]
    assert names[:3] == ["actions/checkout", "actions/setup-python", "make test"]
    assert "actions/configure-pages" in names and "actions/upload-pages-artifact" in names
    builds = [step for step in steps("build") if step.get("run", "").startswith("make build")]
    assert len(builds) == 2 and "--strict" in (ROOT / "Makefile").read_text(encoding="utf-8")
    upload = next(s for s in steps("build") if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site" and upload["if"] == "github.event_name == 'push'"


def test_only_a_push_to_main_deploys_with_the_official_action():
    deploy = workflow()["jobs"]["deploy"]
    assert deploy["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_every_action_is_pinned_to_an_exact_version():
    for job in workflow()["jobs"]:
        for step in steps(job):
            if "uses" in step:
                assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+\.\d+\.\d+", step["uses"]), step["uses"]


def test_every_command_exists_in_the_makefile_and_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for job in workflow()["jobs"]:
        for step in steps(job):
            if "run" in step:
                words = shlex.split(step["run"].replace("${{", "").replace("}}", ""))
                assert words[0] == "make" and words[1] in MAKE_TARGETS, step["run"]
                assert f"make {words[1]}" in readme, step["run"]


def test_the_deployed_site_sends_reports_to_an_address_or_the_issue_form_never_a_placeholder():
    [build] = [step for step in steps("build") if step.get("run", "").startswith(
        "make build SITE_URL")]
    assert build["env"] == {
        "RAPPORT_FEEDBACK": "${{ vars.RAPPORT_FEEDBACK }}",
        "RAPPORT_ISSUES": "${{ github.server_url }}/${{ github.repository }}/issues/new"}
    assert (ROOT / ".github" / "ISSUE_TEMPLATE" / "page-problem.yml").is_file()


def test_ci_and_the_workflow_run_the_readmes_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test    # run the whole test suite" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert [line for line in ci.splitlines() if line.startswith("make")] == ["make test"]
    assert "make test" in [step.get("run") for step in steps("build")]
