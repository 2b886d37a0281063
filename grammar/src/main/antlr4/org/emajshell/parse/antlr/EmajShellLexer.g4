/*
 * The emaj-shell command language: lexer.
 *
 * One lexer serves the parser, the statement splitter, variable substitution and (in the shell)
 * syntax highlighting, so keywords, strings, comments and meta-commands are defined once.
 *
 * Lexical rules follow PostgreSQL (see ../shared/design/command-language.md):
 *  - keywords are case-insensitive; unquoted identifiers fold to lower case (done by AstBuilder),
 *    "quoted identifiers" keep their case ("" escapes a quote);
 *  - strings: '...' ('' escapes a quote), E'...' (backslash escapes), $$...$$ and $tag$...$tag$
 *    (the closing tag must repeat the opening one exactly, case included);
 *  - comments: -- to the end of the line, and nested slash-star block comments;
 *  - an unterminated string, quoted identifier, dollar quote or comment runs to the end of the
 *    input and is typed UNTERMINATED, so that the splitter never cuts through it and the REPL knows
 *    the buffer is incomplete;
 *  - a backslash outside quotes and comments starts a meta-command that runs to the end of the line
 *    (psql habit), lexed in mode META with psql-style arguments;
 *  - :name, :'name' and :"name" are shell variable references (psql); '::' is a cast, not a variable.
 *
 * The lexer never fails: any other character becomes an OTHER token, which the parser rejects or
 * passes to the server as part of an SQL statement.
 */
lexer grammar EmajShellLexer;

options { caseInsensitive = true; }

tokens { UNTERMINATED }

@members {
    /** Consumes the body of a dollar-quoted string up to the closing tag (same tag, same case). */
    private void readDollarBody() {
        int[] tag = getText().codePoints().toArray();
        CharStream in = _input;
        while (true) {
            int c = in.LA(1);
            if (c == IntStream.EOF) {
                setType(UNTERMINATED);
                return;
            }
            if (c == '$') {
                boolean closes = true;
                for (int i = 1; i < tag.length; i++) {
                    if (in.LA(i + 1) != tag[i]) {
                        closes = false;
                        break;
                    }
                }
                if (closes) {
                    for (int i = 0; i < tag.length; i++) {
                        getInterpreter().consume(in);
                    }
                    return;
                }
            }
            getInterpreter().consume(in);
        }
    }

    /** Consumes the rest of a (nested) block comment; the opening slash-star is already matched. */
    private void readBlockCommentBody() {
        CharStream in = _input;
        int depth = 1;
        while (true) {
            int c = in.LA(1);
            if (c == IntStream.EOF) {
                setType(UNTERMINATED);
                return;
            }
            if (c == '/' && in.LA(2) == '*') {
                getInterpreter().consume(in);
                getInterpreter().consume(in);
                depth++;
            } else if (c == '*' && in.LA(2) == '/') {
                getInterpreter().consume(in);
                getInterpreter().consume(in);
                if (--depth == 0) {
                    setChannel(HIDDEN);
                    return;
                }
            } else {
                getInterpreter().consume(in);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Keywords. Shell keywords first, then the words that start SQL statements (the parser needs them
// to tell SQL from a mistyped shell command). All but SAVEPOINT, TRUE, FALSE and NULL may also be
// used as unquoted names (see nonReservedKeyword in the parser).
// ---------------------------------------------------------------------------------------------
ACTIVITY      : 'ACTIVITY';
ALLOW         : 'ALLOW';
ASSIGN        : 'ASSIGN';
AUDIT_ONLY    : 'AUDIT_ONLY';
BEFORE        : 'BEFORE';
CHANGES       : 'CHANGES';
COMMENT       : 'COMMENT';
CONFIGURATION : 'CONFIGURATION';
CONSOLIDATE   : 'CONSOLIDATE';
CONSOLIDATED  : 'CONSOLIDATED';
CREATE        : 'CREATE';
DELETE        : 'DELETE';
DETAILED      : 'DETAILED';
DROP          : 'DROP';
EMAJ          : 'EMAJ';
ESTIMATE      : 'ESTIMATE';
EXCLUDING     : 'EXCLUDING';
EXPORT        : 'EXPORT';
FALSE         : 'FALSE';
FORCE         : 'FORCE';
FROM          : 'FROM';
FULL          : 'FULL';
GENERATE      : 'GENERATE';
GROUP         : 'GROUP';
GROUPS        : 'GROUPS';
HELP          : 'HELP';
HISTORY       : 'HISTORY';
IMPORT        : 'IMPORT';
IN            : 'IN';
INSTALL       : 'INSTALL';
IS            : 'IS';
KEEP          : 'KEEP';
LIMIT         : 'LIMIT';
LOG           : 'LOG';
LOGGED        : 'LOGGED';
MARK          : 'MARK';
MARKS         : 'MARKS';
MATCHING      : 'MATCHING';
MODIFY        : 'MODIFY';
MOVE          : 'MOVE';
NULL          : 'NULL';
OF            : 'OF';
ON            : 'ON';
PARALLEL      : 'PARALLEL';
PARTIAL       : 'PARTIAL';
PREVIEW       : 'PREVIEW';
PROTECT       : 'PROTECT';
REMOVE        : 'REMOVE';
RENAME        : 'RENAME';
REPLACE       : 'REPLACE';
REPLAY        : 'REPLAY';
RESET         : 'RESET';
ROLLBACK      : 'ROLLBACK';
ROLLBACKABLE  : 'ROLLBACKABLE';
ROLLBACKS     : 'ROLLBACKS';
RUNNING       : 'RUNNING';
SAVEPOINT     : 'SAVEPOINT';
SCHEMA        : 'SCHEMA';
SEQUENCE      : 'SEQUENCE';
SEQUENCES     : 'SEQUENCES';
SET           : 'SET';
SHOW          : 'SHOW';
SINCE         : 'SINCE';
SNAP          : 'SNAP';
SQL           : 'SQL';
START         : 'START';
STATS         : 'STATS';
STEP          : 'STEP';
STOP          : 'STOP';
TABLE         : 'TABLE';
TABLES        : 'TABLES';
TO            : 'TO';
TRUE          : 'TRUE';
UNPROTECT     : 'UNPROTECT';
UNTIL         : 'UNTIL';
USE           : 'USE';
VERBOSE       : 'VERBOSE';
VERIFY        : 'VERIFY';
WHERE         : 'WHERE';
WITH          : 'WITH';

// Words that start SQL statements and nothing in the shell language. Keep them in one block from
// ABORT to VALUES: TokenNames ranks them after the shell keywords in "Expecting:" lists.
ABORT         : 'ABORT';
ALTER         : 'ALTER';
ANALYSE       : 'ANALYSE';
ANALYZE       : 'ANALYZE';
BEGIN         : 'BEGIN';
CALL          : 'CALL';
CHECKPOINT    : 'CHECKPOINT';
CLOSE         : 'CLOSE';
CLUSTER       : 'CLUSTER';
COMMIT        : 'COMMIT';
COPY          : 'COPY';
DEALLOCATE    : 'DEALLOCATE';
DECLARE       : 'DECLARE';
DISCARD       : 'DISCARD';
DO            : 'DO';
END           : 'END';
EXECUTE       : 'EXECUTE';
EXPLAIN       : 'EXPLAIN';
FETCH         : 'FETCH';
GRANT         : 'GRANT';
INSERT        : 'INSERT';
LISTEN        : 'LISTEN';
LOAD          : 'LOAD';
LOCK          : 'LOCK';
MERGE         : 'MERGE';
NOTIFY        : 'NOTIFY';
PREPARE       : 'PREPARE';
REASSIGN      : 'REASSIGN';
REFRESH       : 'REFRESH';
REINDEX       : 'REINDEX';
RELEASE       : 'RELEASE';
REVOKE        : 'REVOKE';
SECURITY      : 'SECURITY';
SELECT        : 'SELECT';
TRUNCATE      : 'TRUNCATE';
UNLISTEN      : 'UNLISTEN';
UPDATE        : 'UPDATE';
VACUUM        : 'VACUUM';
VALUES        : 'VALUES';

// ---------------------------------------------------------------------------------------------
// Names, strings, numbers
// ---------------------------------------------------------------------------------------------
IDENTIFIER    : IDENT_START IDENT_CHAR*;
QUOTED_IDENTIFIER : '"' ( ~'"' | '""' )* '"';
UNICODE_QUOTED_IDENTIFIER : 'U&"' ( ~'"' | '""' )* '"';

STRING        : '\'' ( ~'\'' | '\'\'' )* '\'';
ESCAPE_STRING : 'E\'' ( ~[\\'] | '\\' . | '\'\'' )* '\'';
UNICODE_STRING : 'U&\'' ( ~'\'' | '\'\'' )* '\'';
DOLLAR_STRING : '$' DOLLAR_TAG? '$' { readDollarBody(); };

UNTERMINATED_QUOTED_IDENTIFIER : 'U&'? '"' ( ~'"' | '""' )* -> type(UNTERMINATED);
UNTERMINATED_STRING : 'U&'? '\'' ( ~'\'' | '\'\'' )* -> type(UNTERMINATED);
UNTERMINATED_ESCAPE_STRING : 'E\'' ( ~[\\'] | '\\' . | '\'\'' )* '\\'? -> type(UNTERMINATED);

INTEGER       : DIGIT+;
NUMERIC       : DIGIT+ '.' DIGIT* EXPONENT?
              | '.' DIGIT+ EXPONENT?
              | DIGIT+ EXPONENT
              ;
PARAM         : '$' DIGIT+;

// psql variables: :name, :'name' (as a literal), :"name" (as an identifier).
VARIABLE      : ':' VAR_CHAR+
              | ':\'' VAR_CHAR+ '\''
              | ':"' VAR_CHAR+ '"'
              ;

// ---------------------------------------------------------------------------------------------
// Punctuation and operators
// ---------------------------------------------------------------------------------------------
TYPECAST      : '::';
SEMI          : ';';
COMMA         : ',';
DOT           : '.';
LPAREN        : '(';
RPAREN        : ')';
LBRACKET      : '[';
RBRACKET      : ']';
EQUALS        : '=';
MINUS         : '-';
PLUS          : '+';
COLON         : ':';
OPERATOR      : [*/<>~!@#%^&|`?];

// ---------------------------------------------------------------------------------------------
// Whitespace, comments
// ---------------------------------------------------------------------------------------------
WS            : [ \t\r\n\f\u000B]+ -> channel(HIDDEN);
LINE_COMMENT  : '--' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' { readBlockCommentBody(); };

// A backslash starts a meta-command: its name, then psql-style arguments up to the end of the line.
// Names may hold underscores after the first letter (\include_relative).
META_NAME     : '\\' ( [A-Z] [A-Z_]* '+'? | ~[A-Z \t\r\n\f\u000B] )? -> pushMode(META);

OTHER         : .;

fragment IDENT_START : [A-Z_\u0080-\u{10FFFF}];
fragment IDENT_CHAR  : [A-Z0-9_$\u0080-\u{10FFFF}];
fragment DOLLAR_TAG  : [A-Z_\u0080-\u{10FFFF}] [A-Z0-9_\u0080-\u{10FFFF}]*;
fragment VAR_CHAR    : [A-Z0-9_\u0080-\u{10FFFF}];
fragment DIGIT       : [0-9];
fragment EXPONENT    : 'E' [+-]? DIGIT+;

// ---------------------------------------------------------------------------------------------
// Meta-command arguments (after \name, up to the end of the line). An argument is a run of
// adjacent pieces: plain text, 'single quoted' (with '' and backslash escapes), "double quoted"
// and variable references; whitespace separates arguments.
// ---------------------------------------------------------------------------------------------
mode META;

META_END      : ( '\r'? '\n' | '\r' ) -> popMode;
META_WS       : [ \t\f\u000B]+ -> channel(HIDDEN);
META_VARIABLE : ':' VAR_CHAR+
              | ':\'' VAR_CHAR+ '\''
              | ':"' VAR_CHAR+ '"'
              ;
META_SQ       : '\'' ( ~['\\\r\n] | '\\' ~[\r\n] | '\'\'' )* '\'';
META_DQ       : '"' ( ~["\r\n] | '""' )* '"';
META_COLON    : ':';
META_TEXT     : ~[ \t\f\u000B\r\n'":]+;
META_UNTERMINATED : ( '\'' ( ~['\\\r\n] | '\\' ~[\r\n] | '\'\'' )* '\\'?
                    | '"' ( ~["\r\n] | '""' )*
                    ) -> type(UNTERMINATED);
