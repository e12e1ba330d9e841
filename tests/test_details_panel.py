from app.components.details import ALIASES_SHOWN, shown_aliases


def test_aliases_one_spelling_per_casing_and_capped():
    casings = ["Large Language Model", "large language model", "LLMs", "Large Language Models", "llms",
               "large language models", "LLM model", "llm model", "LLM"]
    assert shown_aliases("LLM", casings) == "Large Language Model, LLMs, Large Language Models, LLM model"
    many = [f"name {i}" for i in range(ALIASES_SHOWN + 3)]
    assert shown_aliases("x", many) == ", ".join(many[:ALIASES_SHOWN]) + " and 3 more"
    assert shown_aliases("x", ["X"]) == ""
    # what papers did with the name is no other name for it
    assert shown_aliases("LLM", ["LLMs", "LLM-based agents", "LLM-powered analytics", "large language models"]) \
        == "LLMs, large language models"
