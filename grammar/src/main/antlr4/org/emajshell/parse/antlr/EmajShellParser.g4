/*
 * The emaj-shell command language: parser. The contract is ../shared/design/command-language.md.
 *
 * Entry rules (each ends in EOF):
 *   singleStatement  one statement as cut by StatementSplitter: a shell command, a meta-command
 *                    or an SQL statement passed to the server;
 *   shellStatement   a shell command only (the REPL runs a buffer on Enter when it parses as one).
 *
 * Choices recorded here (where command-language.md is silent):
 *  - Where a shell command and SQL share first words, the shell wins when the next word is a shell
 *    keyword, and SQL stays reachable: CREATE/DROP GROUP are shell commands (use CREATE/DROP ROLE),
 *    ALTER GROUP stays SQL (the shell has no ALTER), ROLLBACK [WORK | TRANSACTION | AND ...] and
 *    ROLLBACK TO SAVEPOINT sp are SQL while ROLLBACK TO m and ROLLBACK GROUP g ... are shell
 *    commands; SHOW name, RESET name, START TRANSACTION, COMMENT ON TABLE, DELETE FROM, MOVE cursor
 *    and IMPORT FOREIGN SCHEMA go to the server.
 *  - A statement that starts with neither a shell keyword nor a word that starts SQL is a syntax
 *    error (so that "ROLLBAK TO m" gets an answer from the shell, not from the server).
 *  - Group and mark names are identifiers or string literals; relation and schema names are SQL
 *    identifiers (schema.table, unqualified means the search_path).
 *  - TABLE/TABLES, SEQUENCE/SEQUENCES, GROUP/GROUPS are interchangeable.
 *  - ROLLBACK options may come in any order, each at most once; VERBOSE needs PREVIEW.
 *  - SHOW CHANGES ... CONSOLIDATED alone means CONSOLIDATED FULL.
 *  - EXPORT CONFIGURATION without TO prints the JSON; without GROUPS it exports every group.
 *  - SHOW GROUP and SNAP without a group name use the current group.
 *  - Keywords other than SAVEPOINT, TRUE, FALSE and NULL may be used as unquoted names.
 */
parser grammar EmajShellParser;

options { tokenVocab = EmajShellLexer; }

// ---------------------------------------------------------------------------------------------
// Entry rules
// ---------------------------------------------------------------------------------------------
singleStatement
    : statement EOF
    ;

shellStatement
    : shellCommand SEMI? EOF
    ;

statement
    : shellCommand SEMI?                                                       # shellStatementBody
    | metaCommand                                                              # metaStatementBody
    | sqlStatement                                                             # sqlStatementBody
    ;

// ---------------------------------------------------------------------------------------------
// Shell commands
// ---------------------------------------------------------------------------------------------
shellCommand
    // Group definition
    : CREATE GROUP groupName groupType? (COMMENT string)?                      # createGroup
    | DROP GROUP groupName FORCE?                                              # dropGroup
    | COMMENT ON GROUP groupName IS commentValue                               # commentOnGroup
    | ASSIGN tableKind relationSelection toGroup? withProperties? markClause?  # assignTables
    | ASSIGN sequenceKind relationSelection toGroup? markClause?               # assignSequences
    | REMOVE relationKind relationSelection markClause?                        # removeRelations
    | MOVE relationKind relationSelection toGroup markClause?                  # moveRelations
    | MODIFY tableKind relationSelection SET propertyList markClause?          # modifyRelations
    | EXPORT CONFIGURATION groupsClause? (TO string)?                          # exportConfiguration
    | IMPORT CONFIGURATION FROM string groupsClause? REPLACE?                  # importConfiguration
    // Group life cycle
    | START groupsClause markClause? (KEEP LOG)?                               # startGroups
    | STOP groupsClause markClause? FORCE?                                     # stopGroups
    | RESET GROUP groupName                                                    # resetGroup
    | PROTECT GROUP groupName                                                  # protectGroup
    | UNPROTECT GROUP groupName                                                # unprotectGroup
    // Marks
    | MARK groupsClause? markName (COMMENT string)?                            # setMark
    | RENAME MARK oldName=markName TO newName=markName inGroup?                # renameMark
    | COMMENT ON MARK markName inGroup? IS commentValue                        # commentOnMark
    | DELETE MARK markName ((FROM | IN) GROUP? groupName)?                     # deleteMark
    | DELETE MARKS BEFORE markName inGroup?                                    # deleteMarksBefore
    | PROTECT MARK markName inGroup?                                           # protectMark
    | UNPROTECT MARK markName inGroup?                                         # unprotectMark
    // Rollback
    | ROLLBACK groupsClause? TO MARK? markName rollbackOption*                  # rollback
    | ESTIMATE ROLLBACK groupsClause? TO MARK? markName LOGGED?                # estimateRollback
    | CONSOLIDATE ROLLBACK (GROUP groupName)? TO MARK? markName                 # consolidateRollback
    // Looking at the record
    | SHOW GROUPS                                                              # showGroups
    | SHOW GROUP groupName?                                                    # showGroup
    | SHOW MARKS ofGroup?                                                      # showMarks
    | SHOW TABLES ofGroup?                                                     # showTables
    | SHOW SEQUENCES ofGroup?                                                  # showSequences
    | SHOW STATS ofGroup? sinceMark? untilMark? DETAILED?                      # showStats
    | SHOW CHANGES ofGroup? (ON TABLE? qualifiedName)? sinceMark untilMark?
      consolidation? whereClause? limitClause?                                 # showChanges
    | SHOW HISTORY ofGroup? limitClause?                                       # showHistory
    | SHOW ROLLBACKS RUNNING?                                                  # showRollbacks
    | SHOW ACTIVITY ofGroup?                                                   # showActivity
    | GENERATE SQL ofGroup? sinceMark untilMark? (ON relationKind? qualifiedNameList)?
      (TO string)?                                                             # generateSql
    | REPLAY (GROUP groupName)? sinceMark untilMark? ON string STEP?           # replay
    | VERIFY                                                                   # verify
    | SNAP (GROUP groupName)? TO string                                        # snapGroup
    // Session
    | USE GROUP? groupName                                                     # useGroup
    | HELP helpWord*                                                           # help
    | INSTALL EMAJ                                                             # installEmaj
    ;

groupType
    : ROLLBACKABLE
    | AUDIT_ONLY
    ;

commentValue
    : string
    | NULL
    ;

tableKind
    : TABLE
    | TABLES
    ;

sequenceKind
    : SEQUENCE
    | SEQUENCES
    ;

relationKind
    : tableKind
    | sequenceKind
    ;

relationSelection
    : IN SCHEMA schemaName (MATCHING matching=string)? (EXCLUDING excluding=string)?            # inSchema
    | qualifiedNameList                                                        # listed
    ;

qualifiedNameList
    : qualifiedName (COMMA qualifiedName)*
    ;

toGroup
    : TO GROUP groupName
    ;

markClause
    : MARK markName
    ;

groupsClause
    : (GROUP | GROUPS) groupName (COMMA groupName)*
    ;

ofGroup
    : OF GROUP? groupName
    ;

inGroup
    : IN GROUP? groupName
    ;

sinceMark
    : SINCE markName
    ;

untilMark
    : UNTIL markName
    ;

limitClause
    : LIMIT INTEGER
    ;

withProperties
    : WITH propertyList
    ;

propertyList
    : LPAREN property (COMMA property)* RPAREN
    ;

property
    : identifier EQUALS propertyValue
    ;

propertyValue
    : string                                                                   # stringValue
    | MINUS? INTEGER                                                           # integerValue
    | (TRUE | FALSE)                                                           # booleanValue
    | NULL                                                                     # nullValue
    | LBRACKET (listItem (COMMA listItem)*)? RBRACKET                          # listValue
    | LPAREN listItem (COMMA listItem)* RPAREN                                 # parenthesizedListValue
    | identifier                                                               # identifierValue
    ;

listItem
    : string
    | identifier
    ;

rollbackOption
    : LOGGED                                                                   # loggedOption
    | ALLOW ALTER                                                              # allowAlterOption
    | COMMENT string                                                           # commentOption
    | PARALLEL INTEGER                                                         # parallelOption
    | PREVIEW                                                                  # previewOption
    | VERBOSE                                                                  # verboseOption
    ;

consolidation
    : CONSOLIDATED (PARTIAL | FULL)?
    ;

// The predicate is SQL, kept as written; it ends before a LIMIT outside parentheses.
whereClause
    : WHERE predicateToken+
    ;

predicateToken
    : LPAREN predicateInner* RPAREN
    | ~(LIMIT | SEMI | LPAREN | RPAREN | UNTERMINATED | META_NAME)
    ;

predicateInner
    : LPAREN predicateInner* RPAREN
    | ~(SEMI | LPAREN | RPAREN | UNTERMINATED | META_NAME)
    ;

helpWord
    : ~(SEMI | UNTERMINATED | META_NAME)
    ;

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------
groupName
    : identifier
    | string
    ;

markName
    : identifier
    | string
    ;

schemaName
    : identifier
    ;

qualifiedName
    : identifier (DOT identifier)?
    ;

identifier
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | nonReservedKeyword
    ;

string
    : STRING
    | ESCAPE_STRING
    | DOLLAR_STRING
    ;

nonReservedKeyword
    : ACTIVITY | ALLOW | ASSIGN | AUDIT_ONLY | BEFORE | CHANGES | COMMENT | CONFIGURATION | CONSOLIDATE
    | CONSOLIDATED | CREATE | DELETE | DETAILED | DROP | EMAJ | ESTIMATE | EXCLUDING | EXPORT
    | FORCE | FROM | FULL | GENERATE | GROUP | GROUPS | HELP | HISTORY | IMPORT | IN | INSTALL | IS
    | KEEP | LIMIT | LOG | LOGGED | MARK | MARKS | MATCHING | MODIFY | MOVE | OF | ON | PARALLEL
    | PARTIAL | PREVIEW | PROTECT | REMOVE | RENAME | REPLACE | REPLAY | RESET | ROLLBACK
    | ROLLBACKABLE | ROLLBACKS | RUNNING | SCHEMA | SEQUENCE | SEQUENCES | SET | SHOW | SINCE | SNAP
    | SQL | START | STATS | STEP | STOP | TABLE | TABLES | TO | UNPROTECT | UNTIL | USE | VERBOSE
    | VERIFY | WHERE | WITH
    | ABORT | ALTER | ANALYSE | ANALYZE | BEGIN | CALL | CHECKPOINT | CLOSE | CLUSTER | COMMIT | COPY
    | DEALLOCATE | DECLARE | DISCARD | DO | END | EXECUTE | EXPLAIN | FETCH | GRANT | INSERT | LISTEN
    | LOAD | LOCK | MERGE | NOTIFY | PREPARE | REASSIGN | REFRESH | REINDEX | RELEASE | REVOKE
    | SECURITY | SELECT | TRUNCATE | UNLISTEN | UPDATE | VACUUM | VALUES
    ;

// ---------------------------------------------------------------------------------------------
// Meta-commands: \name args... up to the end of the line
// ---------------------------------------------------------------------------------------------
metaCommand
    : META_NAME metaPiece* META_END?
    ;

metaPiece
    : META_TEXT
    | META_SQ
    | META_DQ
    | META_VARIABLE
    | META_COLON
    ;

// ---------------------------------------------------------------------------------------------
// SQL passed to the server: it must start with a word that starts SQL; the rest is not parsed.
// ---------------------------------------------------------------------------------------------
sqlStatement
    : sqlOnlyStart sqlToken*
    | CREATE (~(GROUP | UNTERMINATED | META_NAME) sqlToken*)?
    | DROP (~(GROUP | UNTERMINATED | META_NAME) sqlToken*)?
    | COMMENT (~(ON | UNTERMINATED | META_NAME) sqlToken* | ON (~(GROUP | MARK | UNTERMINATED | META_NAME) sqlToken*)?)?
    | START (~(GROUP | GROUPS | UNTERMINATED | META_NAME) sqlToken*)?
    | RESET (~(GROUP | UNTERMINATED | META_NAME) sqlToken*)?
    | DELETE (~(MARK | MARKS | UNTERMINATED | META_NAME) sqlToken*)?
    | MOVE (~(TABLE | TABLES | SEQUENCE | SEQUENCES | UNTERMINATED | META_NAME) sqlToken*)?
    | IMPORT (~(CONFIGURATION | UNTERMINATED | META_NAME) sqlToken*)?
    | SHOW (~(GROUPS | GROUP | MARKS | TABLES | SEQUENCES | STATS | CHANGES | HISTORY | ROLLBACKS | ACTIVITY
              | UNTERMINATED | META_NAME) sqlToken*)?
    | ROLLBACK (~(GROUP | GROUPS | TO | UNTERMINATED | META_NAME) sqlToken*)?
    | ROLLBACK TO SAVEPOINT sqlToken*
    ;

sqlOnlyStart
    : ABORT | ALTER | ANALYSE | ANALYZE | BEGIN | CALL | CHECKPOINT | CLOSE | CLUSTER | COMMIT | COPY
    | DEALLOCATE | DECLARE | DISCARD | DO | END | EXECUTE | EXPLAIN | FETCH | GRANT | INSERT | LISTEN
    | LOAD | LOCK | MERGE | NOTIFY | PREPARE | REASSIGN | REFRESH | REINDEX | RELEASE | REVOKE
    | SAVEPOINT | SECURITY | SELECT | SET | TABLE | TRUNCATE | UNLISTEN | UPDATE | VACUUM | VALUES
    | WITH | LPAREN
    ;

sqlToken
    : ~(UNTERMINATED | META_NAME)
    ;
