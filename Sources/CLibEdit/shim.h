#ifndef PLANKIT_CLIBEDIT_SHIM_H
#define PLANKIT_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <editline/readline.h>

/// Sets libedit's readline-compatible completion hook; a wrapper keeps Swift off the global's
/// function-pointer type.
static inline void plankit_set_completion(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}

/// Stops libedit from falling back to file-name completion when PlanKit offers nothing.
static inline void plankit_completion_over(void) {
    rl_attempted_completion_over = 1;
}

/// Tells libedit not to install its own signal handlers: the console handles Ctrl-C itself.
static inline void plankit_disable_signal_handling(void) {
    rl_catch_signals = 0;
}

/// The word-break characters used for completion: a path such as budget.amount stays one word.
static inline void plankit_set_word_breaks(const char *breaks) {
    rl_completer_word_break_characters = (char *)breaks;
    rl_basic_word_break_characters = breaks;
}

#endif
