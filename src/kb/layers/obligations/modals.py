"""Modal words and the modality each states.

应, 可 and 须 are also parts of other words (相应, 可能, 无须, 须知): only the occurrences that are
modal words reach the rules, so that a rule never has to ask again.
"""
from __future__ import annotations

import re

#: the modal words and the modality each marks, longest first where one contains another (public: kb.dev.bench_obligations
#: builds its one-pass floor from them)
MODALS = [("不应当", "prohibition"), ("不得", "prohibition"), ("禁止", "prohibition"), ("严禁", "prohibition"),
          ("不应", "prohibition"), ("不准", "prohibition"), ("不许", "prohibition"),
          ("应当", "obligation"), ("应该", "obligation"), ("必须", "obligation"), ("可以", "permission"),
          ("有权", "permission"), ("须", "obligation"), ("应", "obligation"), ("可", "permission")]
_YING_NOT = ("相应", "适应", "供应", "回应", "响应", "对应", "反应", "呼应", "效应", "答应", "感应", "顺应")
_YING_NEXT = "急用对届邀聘征"
#: 应纳税额, 应纳税所得额, 应税交易, 应税车辆: payable, taxable — a word of tax law, not "shall" (应纳入 is)
_YING_TAX = ("纳税", "税")
_KE_NOT_PREV = "许认不即宁"
#: (追溯, 溯源, 耻, 预见, 复制: 可 makes an adjective — 保证食品可追溯, 浪费可耻, 在可预见的范围内, 可复制可推广经验)
_KE_NOT_NEXT = ("能", "行", "靠", "持续", "视", "控", "再生", "回收", "供", "疑", "见", "观", "口", "信", "追溯", "溯源", "耻",
                "预见", "复制")
#: 可追溯、可查询, 可追溯、可核查: after 、 in a list of what a thing must be (traceable, searchable), not "may"
#: (code review 12 item 13: 确保接种信息可追溯、可查询)
_KE_LISTED = re.compile(r"(?:查询|核查|核实|核验|追踪|检索|验证)(?=[、，。；]|$)")
#: the first of such a list (确保可查询、可追溯)
_KE_LIST_FIRST = re.compile(r"(?:查询|核查|核实|核验|追踪|检索|验证)、可")
#: 进行禁止赌博的教育, 开展禁止……的宣传: 禁止 qualifies the act's object (the education against gambling), bans nothing
#: (code review 12 item 6)
_BAN_AS_MODIFIER = re.compile(r"(?<=进行|开展|加强|组织|宣传|普及)禁止[^，。；：、]{1,12}?的(?:[^，。；：]{0,6}?)"
                              r"(?:教育|宣传|工作|活动)")
_XU_NOT_PREV = "无必毋"
#: 反对和禁止一切形式的……扩散活动: 禁止 a verb joined to another verb of the subject's own acts, not a modal word (对外关系法
#: (2023) art. 20 p4, code review 15: 中华人民共和国 was given a prohibition)
_BAN_AS_ACT = ("反对和", "反对并", "反对、")

MODAL_RE = re.compile("|".join(re.escape(w) for w, _ in MODALS))
_MODAL_OF = dict(MODALS)


def find_modals(text: str, a: int, b: int) -> list[tuple[int, int, str, str]]:
    """(start, end, word, modality) of each modal word in text[a:b]."""
    out = []
    for m in MODAL_RE.finditer(text, a, b):
        i, w = m.start(), m.group(0)
        if w == "应":
            if text[i - 1:i + 1] in _YING_NOT or text[i + 1:i + 2] in _YING_NEXT or text[i + 1:i + 2] == "" \
                    or text.startswith(_YING_TAX, i + 1):
                continue
        elif w == "可":
            if text[i - 1:i] in _KE_NOT_PREV or text.startswith(_KE_NOT_NEXT, i + 1) or \
                    (text[i - 1:i] == "、" and _KE_LISTED.match(text, i + 1)) or _KE_LIST_FIRST.match(text, i + 1):
                continue
        elif w == "须":
            if text[i - 1:i] in _XU_NOT_PREV or text[i + 1:i + 2] == "知":
                continue
        elif w == "有权":
            if text[i - 1:i] in "所产享拥具" or text[i + 2:i + 3] in "利益属威限责" or \
                    re.compile(r"(?:机关|部门|单位|机构|组织|人民政府)").match(text, i + 2):
                continue          # 所有权, 享有权利, 有权益, 有权机关: not 有权 (may)
        elif w == "不准" and text[i + 2:i + 3] in "确予":
            continue              # 资料不准确: inaccurate, not "not allowed" (反垄断法 (2022) art. 31 p2 item 2); 作出准予或者不准予
            #                       拍卖船舶的裁定: the decision not to grant, no ban (海事诉讼特别程序法 30, 48, 123: it cut the
            #                       court's act at 不准 and gave it a prohibition 予拍卖船舶的裁定)
        elif w == "禁止":
            if text[i + 2:i + 3] == "性" or _BAN_AS_MODIFIER.match(text, i) or text.endswith(_BAN_AS_ACT, 0, i):
                continue
        out.append((i, m.end(), w, _MODAL_OF[w]))
    return out


#: 要 standing as the duty word after an actor (常委会组成人员要认真学习……, 各级人民政府要加强……): not a modal word of the spec,
#: but the annotators read it as an obligation, explicit false — the lead's decision of 2026-12-06 (thirteenth session), as
#: most gold files do (xiangzhen-qiye, beijing-jiti-zichan, chongqing-guaimai, beijing-renda-shouze).  Not inside a word
#: (需要, 重要, 主要, 只要, 必要, 首要, 纲要, 摘要, 所要 …; 要求, 要素, 要约, 要件, 要点, 要害 …), not before a mark, nor in a
#: relative clause (作伪证或者隐匿罪证要负的法律责任); the rules give it a record only after an actor (modality.on_modal)
_YAO = re.compile(r"(?<![需重主只必首紧扼概提纪摘简纲机显政险想将快索不总次切要撮所])要"
                  r"(?![求素约件点害么是紧价塞员职地道案闻务领旨义隘诀略津挟的，。、；：）)和或及与]|[\u4e00-\u9fff]{1,3}的)")


def find_yao(text: str, a: int, b: int) -> list[tuple[int, int, str, str]]:
    """(start, end, 要, obligation) of each 要 standing as a duty word in text[a:b] (not one of the spec's modal words:
    modal_fates and the coverage measure do not count it)."""
    return [(m.start(), m.end(), "要", "obligation") for m in _YAO.finditer(text, a, b)]
