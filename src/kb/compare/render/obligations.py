"""``kb diff --obligations`` for people: each actor's duties added, removed and changed, as
plain text (the terminal), Markdown or a standalone HTML page.

The report is decided once (:func:`report`: the gist -- how many actors, every change of
modality or deadline -- then one section per actor) and each format only marks it up, so the
three say the same thing.  The data comes from :func:`kb.compare.obligations.obligation_diff`.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from kb.compare.obligations import MODALITY_ZH
from kb.layers.obligations import NO_ACTOR

DIRECTION_ZH = {"shortened": "期限缩短", "lengthened": "期限延长", "stricter": "要求加重", "relaxed": "要求放宽"}
FIELD_ZH = {"modality": "情态", "deadline": "期限", "quantity": "数量", "action": "行为"}
NOTHING = "各主体的义务没有变化。"
SIGNS = {"added": "+", "removed": "-", "changed": "~"}
SIGN_ZH = {"added": "新增", "removed": "删除", "changed": "改变"}


@dataclass
class Section:
    actor: str
    counts: str                                   # 新增 1，删除 0，改变 2，未变 5
    entries: list = field(default_factory=list)   # (added|removed|changed, text)


@dataclass
class Report:
    gist: str = ""                                # 义务变化涉及 N 个主体：……
    key_changes: list = field(default_factory=list)   # (actors, change): modality or deadline
    sections: list = field(default_factory=list)


def report(od: dict) -> Report:
    """What the obligation comparison says, format-neutral."""
    r = Report()
    touched = [a for a, d in od.items() if d["added"] or d["removed"] or d["changed"]]
    if not touched:
        return r
    # the statements without an actor (社区发展治理工作应当……) are no one's duty: not counted as an actor, told apart
    actors = [a for a in touched if a != NO_ACTOR]
    tot = {k: sum(len(od[a][k]) for a in actors) for k in ("added", "removed", "changed")}
    r.gist = (f"义务变化涉及 {len(actors)} 个主体：新增 {tot['added']}，删除 {tot['removed']}，"
              f"改变 {tot['changed']}" if actors else "各主体的义务没有变化")
    if NO_ACTOR in touched:
        d = od[NO_ACTOR]
        r.gist += (f"；另有没有主体的陈述（不属于任何主体的义务）新增 {len(d['added'])}，删除 {len(d['removed'])}，"
                   f"改变 {len(d['changed'])}")
    r.gist += "。"
    by_change: dict[str, list[str]] = {}          # one line per change; coordinated actors share it
    for a in touched:
        for c in od[a]["changed"]:
            for x in c["changes"]:
                if x["field"] in ("modality", "deadline"):
                    k = (f"{c['old'].get('article')} → {c['new'].get('article')}　"
                         f"{FIELD_ZH[x['field']]}：{_v(x['old'], x['field'])} → {_v(x['new'], x['field'])}"
                         + (f"，{DIRECTION_ZH[x['direction']]}" if x.get("direction") else ""))
                    by_change.setdefault(k, []).append(a)
    r.key_changes = [("、".join(actors), k) for k, actors in by_change.items()]
    for actor in touched:
        d = od[actor]
        sec = Section(actor, f"新增 {len(d['added'])}，删除 {len(d['removed'])}，改变 {len(d['changed'])}，"
                             f"未变 {d['unchanged']}")
        sec.entries += [("added", _one(s)) for s in d["added"]]
        sec.entries += [("removed", _one(s)) for s in d["removed"]]
        for c in d["changed"]:
            ch = "；".join(f"{FIELD_ZH.get(x['field'], x['field'])}：{_v(x['old'], x['field'])} → "
                          f"{_v(x['new'], x['field'])}" + (f"，{DIRECTION_ZH[x['direction']]}"
                                                           if x.get("direction") else "")
                          for x in c["changes"] if x["field"] != "action")
            sec.entries.append(("changed", f"{c['old'].get('article')} → {c['new'].get('article')}　"
                                           f"{c['new'].get('action') or ''}" + (f"（{ch}）" if ch else "（表述改变）")))
        r.sections.append(sec)
    return r


def _one(s: dict) -> str:
    bits = [s.get("article") or "", MODALITY_ZH.get(s.get("modality"), s.get("modality") or "")]
    if s.get("deadline"):
        bits.append(f"期限：{deadline_text(s['deadline'])}")
    return f"{bits[0]}［{bits[1]}］{s.get('action') or ''}" + (f"（{bits[2]}）" if len(bits) > 2 else "")


_DEADLINE_TEXT = re.compile(
    r"(?:自?[^，。；自]{0,40}?之日起(?:或者[^，。；]{0,30}?起)?)?(?:最长)?(?:不得超过|不超过)?"
    r"[零〇一二三四五六七八九十百千两\d]+个?(?:工作日|日|天|个月|月|年|小时)(?:内|以内)?")


def deadline_text(x):
    """The time expression of a deadline span (自收到申请之日起五日内), without the actor and modal
    verb the extractor may have kept in front of it."""
    if not isinstance(x, str):
        return x
    m = _DEADLINE_TEXT.search(x)
    return re.sub(r"^[^自]*?(应当|可以|必须|不得)", "", m.group(0)) if m else x


def _v(x, field_name):
    if field_name == "modality":
        return MODALITY_ZH.get(x, x)
    if field_name == "deadline":
        x = deadline_text(x)
    return "无" if x in (None, "", []) else x


# --------------------------------------------------------------------------- formats

@dataclass
class Markup:
    """How one format writes the parts of a report (templates of ``str.format``; None: nothing)."""
    escape: object                 # text -> text
    gist: str                      # {gist}
    keys: str                      # {n}: the heading of the modality and deadline changes
    key: str                       # {actors} {change}
    section: str                   # {actor} {counts}
    entry: str                     # {kind} {sign} {word} {text}
    end_list: str | None = None    # after each list
    gap: str | None = ""           # between blocks


def _walk(r: Report, m: Markup) -> list[str]:
    """The report's lines in one format: the gist and the modality and deadline changes, then
    each actor's section."""
    e = m.escape
    out = [m.gist.format(gist=e(r.gist))]
    if r.key_changes:
        out.append(m.keys.format(n=len(r.key_changes)))
        out += [m.key.format(actors=e(a), change=e(k)) for a, k in r.key_changes]
        out.append(m.end_list)
    out.append(m.gap)
    for sec in r.sections:
        out.append(m.section.format(actor=e(sec.actor), counts=e(sec.counts)))
        out += [m.entry.format(kind=kind, sign=SIGNS[kind], word=SIGN_ZH[kind], text=e(text))
                for kind, text in sec.entries]
        out += [m.end_list, m.gap]
    return [line for line in out if line is not None]


TEXT = Markup(str, "{gist}", "情态或期限改变（{n} 处）：", "  {actors}　{change}", "{actor}：{counts}",
              "  {sign} {text}")


def obligations_text(od: dict) -> str:
    r = report(od)
    if not r.gist:
        return NOTHING + "\n"
    return "\n".join(_walk(r, TEXT)).rstrip("\n") + "\n"


def _md(t: str) -> str:
    return (t.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")
            .replace("<", "&lt;").replace(">", "&gt;"))


MARKDOWN = Markup(_md, "{gist}\n", "## 情态或期限改变（{n} 处）\n", "- **{actors}**　{change}",
                  "## {actor}\n\n{counts}\n", "- {word}：{text}")


def obligations_markdown(od: dict, title: str) -> str:
    r = report(od)
    head = [f"# {_md(title)}", ""]
    if not r.gist:
        return "\n".join(head + [NOTHING, ""])
    return "\n".join(head + _walk(r, MARKDOWN)).rstrip("\n") + "\n"


CSS = """body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;max-width:60em;
margin:2em auto;padding:0 1em;line-height:1.6}h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em}
li.added{color:#064}li.removed{color:#900;text-decoration:line-through}li.changed{color:#630}
@media print{body{margin:0}}"""
HTML = Markup(html.escape, "<p>{gist}</p>", "<h2>情态或期限改变（{n} 处）</h2><ul>", "<li><b>{actors}</b>　{change}</li>",
              "<h2>{actor}</h2><p>{counts}</p><ul>", '<li class="{kind}"><span>{word}：</span>{text}</li>', "</ul>",
              None)


def obligations_html(od: dict, title: str) -> str:
    r = report(od)
    e = html.escape
    body = [f"<h1>{e(title)}</h1>"] + (_walk(r, HTML) if r.gist else [f"<p>{e(NOTHING)}</p>"])
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{e(title)}</title><style>{CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")
