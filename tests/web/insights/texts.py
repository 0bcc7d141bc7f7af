"""Journal texts the analyses read one way, for web tests (checked against the engines in
`test_texts_read_as_the_tests_expect`, so a changed engine fails loudly here, not obscurely)."""

POROUS = (
    "I said yes to covering Priya's shift again even though I was exhausted. "
    "I can never say no, and now I resent her for it."
)
ALONE = "I always do everything myself. Asking for help feels like weakness."
PLAIN = "Walked by the river after work and made soup."
SELF_HARM = (
    "I have been giving my things away this week. I wonder whether there is any point going on."
)
FROM_OTHERS = "I am scared of what he will do when he gets home."
FIGURE = "This spreadsheet will be the death of me."
