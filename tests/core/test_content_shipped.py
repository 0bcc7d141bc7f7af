from interplay.core.experiments import load_experiments
from interplay.core.instrument import load_items
from interplay.core.questions import load_questions


def test_shipped_content_files_load_and_validate():
    assert load_items()
    assert load_questions()
    assert load_experiments()
