package org.emajshell.parse;

import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.AtomTransition;
import org.antlr.v4.runtime.atn.NotSetTransition;
import org.antlr.v4.runtime.atn.RangeTransition;
import org.antlr.v4.runtime.atn.RuleStopState;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.atn.SetTransition;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.atn.WildcardTransition;
import org.antlr.v4.runtime.misc.Interval;
import org.emajshell.parse.antlr.EmajShellParser;

/**
 * Walks the parser's ATN over a token list, keeping every viable parser configuration (state plus
 * rule call stack) at each step: the furthest token the grammar can reach and the tokens it would
 * accept there. This is how syntax errors know where they are and what was expected, exactly, and
 * how completion knows what may come at the cursor (the idea of antlr4-c3's code completion core,
 * written here for this grammar: no predicates, no left recursion).
 */
final class AtnWalker {

    /** Bounds that keep pathological input (deep parentheses, huge alternatives) cheap. */
    private static final int MAX_STACK_DEPTH = 5_000;
    private static final int MAX_CONFIGS = 20_000;

    private final ATN atn;
    /** The configurations at the start of each start rule, computed once (they never change). */
    private final Map<Integer, Set<Config>> startConfigs = new ConcurrentHashMap<>();

    AtnWalker(ATN atn) {
        this.atn = atn;
    }

    /** A rule call stack: the states to return to, innermost first. */
    private static final class Frame {
        final ATNState follow;
        final Frame parent;
        final int depth;
        final int hash;

        Frame(ATNState follow, Frame parent) {
            this.follow = follow;
            this.parent = parent;
            this.depth = parent == null ? 1 : parent.depth + 1;
            this.hash = 31 * follow.stateNumber + (parent == null ? 0 : parent.hash);
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Frame f) || f.hash != hash || f.depth != depth) {
                return false;
            }
            Frame a = this;
            Frame b = f;
            while (a != null) {
                if (a == b) {
                    return true;
                }
                if (a.follow.stateNumber != b.follow.stateNumber) {
                    return false;
                }
                a = a.parent;
                b = b.parent;
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private record Config(ATNState state, Frame stack) {
    }

    /**
     * What the walk found.
     *
     * @param failIndex      the index of the first token the grammar cannot take, or -1 if it took all
     * @param expected       the token types it would have taken there (keywords that are only
     *                       names there are left out: see identifierExpected), EOF aside
     * @param endExpected    the end of the input was possible there
     * @param identifierExpected a name (identifier or non-reserved keyword) was possible there
     * @param anyExpected    any token was possible there (the rest of an SQL statement)
     * @param nameRules      for completion: the rules (by index) through which a name was possible,
     *                       e.g. groupName, markName, qualifiedName
     */
    record Result(int failIndex, BitSet expected, boolean endExpected, boolean identifierExpected, boolean anyExpected,
                  Set<Integer> nameRules) {
    }

    /** Walks {@code types} (token types, normally ending with EOF) from the start of {@code startRule}. */
    Result walk(int startRule, List<Integer> types) {
        Set<Config> configs = startConfigs.computeIfAbsent(startRule, rule -> {
            Set<Config> start = new LinkedHashSet<>();
            closure(new Config(atn.ruleToStartState[rule], null), start, new HashSet<>());
            return Collections.unmodifiableSet(start);
        });
        for (int i = 0; i < types.size(); i++) {
            int type = types.get(i);
            Set<Config> next = new LinkedHashSet<>();
            Set<Config> seen = new HashSet<>();
            for (Config c : configs) {
                ATNState state = c.state;
                for (int k = 0; k < state.getNumberOfTransitions(); k++) {
                    Transition t = state.transition(k);
                    if (!t.isEpsilon() && t.matches(type, Token.MIN_USER_TOKEN_TYPE, atn.maxTokenType)) {
                        closure(new Config(t.target, c.stack), next, seen);
                    }
                }
                if (next.size() > MAX_CONFIGS) {
                    break;
                }
            }
            if (next.isEmpty()) {
                return expectedAt(i, configs);
            }
            configs = next;
        }
        return expectedAt(-1, configs);
    }

    private Result expectedAt(int index, Set<Config> configs) {
        BitSet expected = new BitSet();
        boolean identifier = false;
        boolean any = false;
        boolean eof = false;
        Set<Integer> nameRules = new LinkedHashSet<>();
        for (Config c : configs) {
            for (int k = 0; k < c.state.getNumberOfTransitions(); k++) {
                Transition t = c.state.transition(k);
                if (t.isEpsilon()) {
                    continue;
                }
                if (t instanceof NotSetTransition || t instanceof WildcardTransition) {
                    any = true;
                    continue;
                }
                // The label without IntervalSet allocations (Transition.label() makes one per call).
                BitSet label = new BitSet();
                if (t instanceof AtomTransition atom) {
                    if (atom.label == Token.EOF) {
                        eof |= c.state.ruleIndex != EmajShellParser.RULE_nonReservedKeyword;
                    } else {
                        label.set(atom.label);
                    }
                } else if (t instanceof RangeTransition range) {
                    label.set(range.from, range.to + 1);
                } else if (t instanceof SetTransition set) {
                    for (Interval iv : set.set.getIntervals()) {
                        if (iv.a == Token.EOF) {
                            eof = true;
                        }
                        label.set(Math.max(iv.a, 0), iv.b + 1);
                    }
                } else {
                    continue;
                }
                boolean nameToken = c.state.ruleIndex == EmajShellParser.RULE_nonReservedKeyword
                        || label.get(EmajShellParser.IDENTIFIER);
                if (c.state.ruleIndex == EmajShellParser.RULE_nonReservedKeyword) {
                    identifier = true;
                } else {
                    expected.or(label);
                }
                if (nameToken) {
                    // The rules this name is for: the innermost ones that are not the generic name rules.
                    for (Frame f = c.stack; f != null; f = f.parent) {
                        int rule = f.follow.ruleIndex;
                        nameRules.add(rule);
                        if (rule != EmajShellParser.RULE_identifier && rule != EmajShellParser.RULE_nonReservedKeyword) {
                            break;
                        }
                    }
                }
            }
        }
        if (expected.get(EmajShellParser.IDENTIFIER)) {
            identifier = true;
        }
        return new Result(index, expected, eof, identifier, any, nameRules);
    }

    private void closure(Config config, Set<Config> out, Set<Config> seen) {
        if (!seen.add(config) || out.size() > MAX_CONFIGS) {
            return;
        }
        ATNState s = config.state;
        if (s instanceof RuleStopState) {
            if (config.stack != null) {
                closure(new Config(config.stack.follow, config.stack.parent), out, seen);
            }
            return;
        }
        boolean consuming = false;
        for (int k = 0; k < s.getNumberOfTransitions(); k++) {
            Transition t = s.transition(k);
            if (t instanceof RuleTransition rt) {
                if (config.stack == null || config.stack.depth < MAX_STACK_DEPTH) {
                    closure(new Config(rt.target, new Frame(rt.followState, config.stack)), out, seen);
                }
            } else if (t.isEpsilon()) {
                closure(new Config(t.target, config.stack), out, seen);
            } else {
                consuming = true;
            }
        }
        if (consuming) {
            out.add(config);
        }
    }
}
