"""Patterns of the wording that do not depend on the vocabulary: sentence and list boundaries, list
introductions, lead-ins, brackets. (Those built from the vocabulary's marker words are compiled in
RelationBase.__init__.)
"""

from __future__ import annotations

import regex

SENTENCE_END = regex.compile(r"[。！？!?\n]")
PARAGRAPH_END = "\n"
LIST_BOUNDARY = regex.compile(r"[。；;！？!?]")
COLON_BREAK = regex.compile(r"[:：][ \t]*\n(?=[^\n]*$)")
# "其中：⏎一般公共预算收入21,940.96万元，占99.94%；⏎其他资金14.39万元，占0.06%；": a list set one item a
# line goes on after a line-final ；unless the next line is numbered (a new heading or item).
SEMICOLON_BREAK = regex.compile(
    r"[；;][ \t]*\n(?=[^\n]*$)(?![ \t]*(?:[一二三四五六七八九十]+[、.．]|[（(]|\d+[、.．)]|第))"
)
# "5个：" or, after the noun counted, "5个科室，分别为：" / "七个服务站："
LIST_INTRO = regex.compile(r"^\s*\p{Han}{0,8}?\s*(?:[:：]|，?(?:分别是|分别为|包括|即)[:：]?)")
LIST_END = regex.compile(r"[。\n]")
# "…城东幼儿园、城西幼儿园等十一所": the 、 list of one clause, then 等 (共) and the count
ETC_BEFORE = regex.compile(
    r"(?P<list>[^，,。；;：:\n]*、[^，,。；;：:\n]*?)(?<![高初平同均相对特])等\s*(?:共|共计|合计)?\s*$"
)
# the only endings ETC_BEFORE can match with (whitespace aside): checked before the search
ETC_TAILS = ("等", "共", "计")
ITEM_JOIN = regex.compile(r"以及|和|及")
# "…、临港站，共7个" / "，合计七所": the count of a list said again after it, to its sentence's end
RESTATED_COUNT = regex.compile(
    r"[，,]\s*(?:共|共计|合计|总计|总共)\s*(?:有)?\s*(?P<n>\d+|[一二两三四五六七八九十]+)\s*"
    r"(?P<unit>个|家|所|项|站|处|类|座)(?:[\p{Han}]{0,6})\s*$"
)
# Words between a part and its 占 that name another subject; function words do not.
SUBJECT = regex.compile(r"[\u4e00-\u9fff](?<![分别均各约共计占其中为的和])")
COUNTED_ITEM = regex.compile(r"(?:\d+|[一二两三四五六七八九十百]+)\s*(?:个|家|所|项|人|站|名|类|座|辆|处|支)")
# "…18.60万元，主要为渣土执法车辆运行支出，未计入…": words up to a comma after the marker: prose
OWN_SUBJECT = regex.compile(r"[；;]\s*\p{Han}{2,}\s*$")
PROSE_AFTER_MARKER = regex.compile(r"[^，,；;：:\d]{4,}[，,]")
REFERENCE_BEFORE = regex.compile(r"(?:上述|前述|以上)$")
# "支出预算中：…": the sentence names the whole of the shares it lists
LEAD_WHOLE = regex.compile(r"[ \t]*([^，,。；;：:\d\s]{2,12})中[：:，,]")
LEAD_IN_ANY = regex.compile(r"中[，,：:]|其中|包括|分别为")
MAX_RUN = 40
PAIR_GAP = 6  # "20分，得分18.5分": the characters between an indicator's weight and its score
ADDED_ON = regex.compile(r"加上|再加|加之")
# "…。其中：流动资产612.48万元": a sentence that opens with the marker, then the first part's label
SENTENCE_OPENER = regex.compile(r"\s*(?:其中|包括|具体包括|具体为)[：:，,]?[^，,。；;：:\d]{0,20}$")
GLOSSED_AMOUNT = regex.compile(r"[（(][^（()）]*\d")
LEAD_AFTER_END = regex.compile(r"[。！？!?][ \t]*[^，,。；;\d]{2,12}中[，,]")
# "…支出总计1349.97万元。收入总计中，本年收入合计1286.45万元，年初结转和结余63.52万元；支出总计中，…":
# a clause opened by "X中，" right before a figure lists parts of X's amount written earlier
LEAD_CLAUSE = regex.compile(
    r"[。！？!?；;\n][ \t]*(?:在)?(?P<lead>[^，,。；;：:、\d\s其]{2,12}?)中[，,：:][^，,。；;：:\d]{0,20}$"
)
RESPECTIVE = regex.compile(r"分别(?:占|为|是)?[^，,。；;\d]{0,20}?(?:的)?(?:比重|比例)?(?:为)?\s*(?=\d)")
LEVEL_MARK = regex.compile(r"\([类款项]\)$")
# "决算20.37万元，为预算数24.60万元的82.80%": an amount followed by 的 and a rate is the base of that
# rate, never the total of a breakdown or the current value of a change.
RATIO_BASE_AFTER = regex.compile(r"\s*的\s*\d")
# "…分别为95%、90%、92.5%、88%，四项平均得分率为91.4%": the list a mean is of, and the mean's lead
RESPECTIVE_LIST = regex.compile(r"(?:分别为|分别是|分别得|依次为|分别达到?)[:：]?\s*")
LIST_GAP = regex.compile(r"\s*(?:[、，,]|和|及|与)?\s*")
MEAN_BEFORE = regex.compile(
    r"[，,；;]\s*(?:[^，,。；;\d]{0,4}?(?P<n>\d+|[一二两三四五六七八九十]+)\s*(?:项|个|期|次|家|所|类)[^，,。；;\d]{0,6}?)?"
    r"平均[^，,。；;\d]{0,10}$"
)
# "860.52万元（基本支出612.40万元": a bracket opened right after an amount, then a label
GLOSS_OPEN = regex.compile(r"[ \t]*[（(][^（()）\d，,。；;：:、]{1,16}")
# "工资福利支出48.60万元（主要为编外人员劳务报酬），商品和服务支出…": words in a closed bracket
# gloss one figure; they introduce no list.
CLOSED_BRACKET = regex.compile(r"[（(][^（()）]*[)）]")
# "其中产出指标扣2分": a score after these words is a deduction, not a part of the 总分
DEDUCTION = regex.compile(r"(?:扣|减|失|丢)(?:分|除|掉)?[^，,。；;\d]{0,2}$")


# "预算执行率为" → 执行: the word a lone rate names, which a heading just above it may name too
RATE_WORD = regex.compile(r"(\p{Han}{2})率[为达是:：]*\s*$")
