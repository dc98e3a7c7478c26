"""Build the POST a learner would send, right or wrong, from an attempt's layout (tests only)."""

from quizzes.models import Question


def answer_fields(attempt, right=True):
    data = {}
    for entry in attempt.layout:
        question = Question.objects.prefetch_related("choices").get(pk=entry["q"])
        data.update(fields_for(question, entry, right))
    return data


def fields_for(question, entry, right=True):
    name = f"q{question.pk}"
    choices = list(question.choices.all())
    qtype = question.qtype
    if qtype == "single":
        pick = next(c for c in choices if c.is_correct is right)
        return {name: str(pick.pk)}
    if qtype == "multiple":
        picks = [c.pk for c in choices if c.is_correct] if right else [next(c.pk for c in choices if not c.is_correct)]
        return {name: [str(p) for p in picks]}
    if qtype == "true_false":
        value = question.true_false_answer if right else not question.true_false_answer
        return {name: "true" if value else "false"}
    if qtype == "matching":
        by_id = {c.pk: c for c in choices}
        matches = entry["matches"]
        fields = {}
        for offset, cid in enumerate(entry["choices"]):
            index = matches.index(by_id[cid].match_text)
            if not right and offset == 0:
                index = (index + 1) % len(matches)
            fields[f"{name}-{cid}"] = str(index)
        if not right:  # keep every prompt answered
            return fields
        return fields
    if qtype == "ordering":
        correct = [c.pk for c in choices]
        fields = {}
        for index, cid in enumerate(entry["choices"]):
            rank = correct.index(cid) + 1
            fields[f"{name}-{index}"] = str(rank if right else len(correct) - rank + 1)
        return fields
    if qtype == "short_answer":
        return {name: f"  {question.accepted_answer_list()[0].upper()} " if right else "autre chose"}
    if qtype == "likert":
        return {name: str(choices[-1 if right else 0].pk)}
    raise AssertionError(qtype)
