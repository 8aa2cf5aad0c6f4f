"""When a version took effect (施行): ``kb show --as-of`` and the site's 条文沿革 page take it from the text's own
commencement clause or the metadata, and say so when neither gives it — never the adoption or amendment date
presented as 自该日施行 (newcomer review 5, item 2).  Real corpus texts (慈善法 2016 and 2023, 反有组织犯罪法),
imported with ``kb add DIR`` and built with ``kb build``'s own function."""
from __future__ import annotations

import json
import shutil

import pytest
import yaml
from lxml import html as lh

from conftest import CORPUS, need_shared, run_kb
from test_site import make_project


class _Cap:             # run_kb reads its output through capsys; a module fixture has none
    def readouterr(self):
        return "", ""


@pytest.fixture(scope="module")
def charity(tmp_path_factory):
    """A project holding 慈善法 (2016年通过, 本法自2016年9月1日起施行; 2023年修正, whose text keeps that clause)
    and 反有组织犯罪法 (its history says 2022年5月1日 施行), imported as a user imports a folder."""
    need_shared(CORPUS)
    src = tmp_path_factory.mktemp("src")
    for rel in ("社会法/慈善法(2016-03-16).md", "社会法/慈善法(2023-12-29).md",
                "宪法相关法/反有组织犯罪法(2021-12-24).md"):
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / rel, src / rel)
    proj = make_project(tmp_path_factory.mktemp("charity"), {})
    for folder in ("社会法", "宪法相关法"):
        assert run_kb(["add", str(src / folder), "--no-index"], proj, _Cap())[0] == 0
    return proj


def test_a_day_between_adoption_and_the_clauses_date_has_no_text_in_force(charity, capsys):
    rc, out, err = run_kb(["show", "1", "-r", "慈善法", "--as-of", "2016-06-01"], charity, capsys)
    assert rc == 1 and "施行的是" not in out, out
    assert "2016-06-01 没有施行的版本：2016年通过（2016-03-16 通过，自 2016-09-01 起施行），该日尚未施行" in err, err
    rc, out, err = run_kb(["show", "6", "-r", "慈善法", "--as-of", "2017-03-01"], charity, capsys)
    assert rc == 0 and "2017-03-01 施行的是 2016年通过（2016-03-16 通过，自 2016-09-01 起施行）" in out, out


def test_an_amendment_whose_text_does_not_date_it_is_not_said_to_be_in_force(charity, capsys):
    # the 2023 text keeps 本法自2016年9月1日起施行: the amendment's own 施行 date (2024-09-05) is not in it
    rc, out, err = run_kb(["show", "6", "-r", "慈善法", "--as-of", "2024-03-01"], charity, capsys)
    assert rc == 0, err
    assert "2024-03-01 施行的是" not in out, out
    assert "2023年修正（2023-12-29 修正，施行日期未注明）" in out and "不能确定该日是否已施行" in out
    assert "第一百二十五条“自2016年9月1日起施行”是原文本的施行日期" in out
    assert "若尚未施行，该日施行的是 2016年通过（2016-03-16 通过，自 2016-09-01 起施行）" in out
    assert "该日的这一条是2016年通过的第六条：kb show 第六条 -r 慈善法@2016-03-16" in out
    rc, out, err = run_kb(["show", "6", "-r", "慈善法", "--as-of", "2024-03-01", "--format", "json"], charity, capsys)
    got = json.loads(out)["in_force"]
    assert got["certain"] is False and got["text"]["version"] == "2023-12-29" and got["text"]["effective"] is None
    assert got["earlier"] == {"version": "2016-03-16", "date": "2016-03-16", "effective": "2016-09-01",
                              "how": "据第一百一十二条"}


def test_the_corpus_history_s_effective_date_is_kept_in_the_metadata(charity, capsys):
    meta = yaml.safe_load((charity / "regulation" / "反有组织犯罪法" / "meta.yml").read_text(encoding="utf-8"))
    v = meta["versions"][-1]
    # the label is the history's last event (通过), not 版 because a 施行 line follows it
    assert (v["date"], v["effective"], v["label"]) == ("2021-12-24", "2022-05-01", "2021年通过")
    assert "effective" not in yaml.safe_load(
        (charity / "regulation" / "慈善法" / "meta.yml").read_text(encoding="utf-8"))["versions"][-1]
    rc, out, err = run_kb(["show", "77", "-r", "反有组织犯罪法", "--as-of", "2022-01-01"], charity, capsys)
    assert rc == 1 and "自 2022-05-01 起施行），该日尚未施行" in err, err


def test_the_history_page_gives_each_versions_effective_date_as_the_command_does(charity):
    from kb.cli.site import build_site

    out = charity / "site"
    build_site(charity, str(out), catalog=False)
    t = lh.fromstring((out / "慈善法" / "2023-12-29" / "history" / "index.html").read_bytes())
    assert t.xpath("//h2[@id='versions']")[0].text_content() == "各版本日期与施行日期"
    rows = [[td.text_content().strip() for td in tr.xpath("td")]
            for tr in t.xpath("//table[@class='kb-history-versions']/tbody/tr")]
    assert [r[:3] for r in rows] == [
        ["2016-03-16", "2016年通过", "自 2016-09-01 起施行（据第一百一十二条）"],
        ["2023-12-29", "2023年修正", "施行日期未注明（第一百二十五条“自2016年9月1日起施行”是原文本的施行日期，"
                                   "早于本版本的修正日期，不是本次修正的施行日期）"]]
    text = t.text_content()
    assert "自该日施行" not in text
    assert "日期是通过、修正或修订的日期，不是施行日期" in text and "不能确定某日它是否已施行" in text


def test_the_day_s_text_is_found_without_reading_the_later_versions(charity, monkeypatch):
    # read-through 6, item 15: in_force read every version's text for its commencement clause, the ones adopted after
    # the day too (and took a docs= argument no caller gave).  On 2017-03-01 only 慈善法's 2016 text is read.
    from kb.amend import effective
    from kb.project import load_regulation

    read = []
    real = effective.load
    monkeypatch.setattr(effective, "load", lambda t, *a, **k: read.append(t.version.name) or real(t, *a, **k))
    answer = effective.in_force(load_regulation(charity, "慈善法"), "2017-03-01")
    assert (answer.version.name, answer.certain, answer.effect.effective) == ("2016-03-16", True, "2016-09-01")
    assert read == ["2016-03-16"]
    read.clear()
    answer = effective.in_force(load_regulation(charity, "慈善法"), "2024-03-01")
    assert answer.version.name == "2023-12-29" and not answer.certain and sorted(read) == ["2016-03-16", "2023-12-29"]
