/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fw-enums.h"
#include "fw-idea.h"

G_BEGIN_DECLS

/* Spotting: reading a backlog of user stories and suggesting, from keyword
 * rules a product manager can read, which ML task each hints at. No model:
 * every suggestion names the words that made it. */

/* Refused before anything else is looked at: a backlog is much smaller. */
#define FW_TRIAGE_MAX_SIZE (16 * 1024 * 1024)

/* A task needs this score (the sum of its rules' weights) to be suggested;
 * weight-1 rows only support a stronger word. */
#define FW_TRIAGE_MIN_SCORE 2

#define FW_TRIAGE_ERROR (fw_triage_error_quark ())

typedef enum
{
  FW_TRIAGE_ERROR_TOO_LARGE,
  FW_TRIAGE_ERROR_BINARY,       /* NUL or control bytes, a zip */
  FW_TRIAGE_ERROR_SYNTAX,       /* a quoted CSV cell never closed */
  FW_TRIAGE_ERROR_EMPTY,        /* no story in the text */
  FW_TRIAGE_ERROR_ENCODING,     /* text neither UTF-8, UTF-16 with a BOM nor CP932 */
  FW_TRIAGE_ERROR_NOT_BACKLOG,  /* a JSON document, such as a workbook */
} FwTriageError;

typedef enum
{
  FW_TRIAGE_INPUT_AUTO,         /* CSV when the first line has a story column or tabs */
  FW_TRIAGE_INPUT_TEXT,         /* lines, paragraphs or Markdown list items */
  FW_TRIAGE_INPUT_CSV,          /* comma, semicolon or tab separated, quoted cells */
} FwTriageInput;

typedef struct
{
  char *raw;       /* the story as written, lines joined */
  char *title;     /* the goal when the story parses, else the whole story */
  char *as_a;      /* NULL when the story has no such part */
  char *i_want;
  char *so_that;
} FwStory;

typedef enum
{
  FW_TRIAGE_HINT_TASK,
  FW_TRIAGE_HINT_CONDITION,
} FwTriageHint;

/* A row of the rules table. Patterns are '|'-separated. English ones match
 * whole words, case-insensitively; a trailing '*' allows any ending
 * ("predict*": predicts, prediction) and a space also matches a hyphen or
 * several spaces ("real time": real-time). Japanese ones match anywhere. */
typedef struct
{
  const char   *id;
  const char   *en;
  const char   *ja;
  FwTriageHint  hint;
  int           target;   /* an FwTask or an FwCondition */
  int           weight;   /* tasks only */
} FwTriageRule;

typedef struct
{
  const FwTriageRule *rule;
  char               *text;   /* the words as written in the story */
  gsize               start;  /* byte offsets in the story's raw text */
  gsize               end;
} FwTriageMatch;

typedef struct
{
  FwTask     task;                        /* FW_TASK_UNDECIDED: probably not ML */
  int        score;                       /* the chosen task's */
  int        task_scores[FW_N_TASKS];
  gboolean   conditions[FW_N_CONDITIONS]; /* hinted */
  GPtrArray *matches;                     /* FwTriageMatch *, in text order */
} FwTriageSuggestion;

GQuark              fw_triage_error_quark       (void);

const FwTriageRule *fw_triage_get_rules         (guint       *n_rules);

/* Checks size, binary data and the encoding (UTF-8 with or without BOM, UTF-16
 * with BOM, CP932; fw-text-input.h) and returns the text as UTF-8. @name names
 * the input in messages. */
char               *fw_triage_decode            (GBytes      *bytes,
                                                 const char  *name,
                                                 GError     **error);

/* The stories in @text, each a string with its lines joined (NULL-terminated).
 * Lines end at CRLF, LF or CR. A JSON document (a workbook given by mistake) is
 * refused with FW_TRIAGE_ERROR_NOT_BACKLOG rather than read as one story. */
char              **fw_triage_split             (const char  *text,
                                                 FwTriageInput input,
                                                 GError     **error);

FwStory            *fw_story_parse              (const char  *text);
void                fw_story_free               (FwStory     *story);

FwTriageSuggestion *fw_triage_suggest           (const char  *text);
void                fw_triage_suggestion_free   (FwTriageSuggestion *suggestion);

/* The words that triggered the suggested task (or @condition), in text order,
 * each once. NULL-terminated; empty when nothing did. */
char              **fw_triage_suggestion_task_words (const FwTriageSuggestion *suggestion,
                                                     FwTask                    task);
char              **fw_triage_suggestion_condition_words (const FwTriageSuggestion *suggestion,
                                                          FwCondition               condition);

/* Whether @match is one of the words the reason for @task names (and the page
 * shows in bold): the hinted conditions' words, and @task's own. So a word too
 * weak to suggest a task is not shown as a trigger until the PM picks its task. */
gboolean            fw_triage_match_is_shown    (const FwTriageMatch      *match,
                                                 FwTask                    task);

/* The reason shown with a story, in the current language: the suggested task
 * and its words, or the PM's @task and the story's words for it when it
 * differs from the suggestion; then a line per hinted condition. */
char               *fw_triage_describe          (const FwTriageSuggestion *suggestion,
                                                 FwTask                    task);

/* "ranking" … or "none". */
const char         *fw_triage_task_id           (FwTask       task);

/* An idea from the story: title and the As a / I want / so that parts, the
 * suggestion in the notes (in the current language) and machine-readable as the
 * unknown member "triage", the hinted conditions ticked with a "Hinted by" note.
 * The task is set only when @task is not FW_TASK_UNDECIDED. */
FwIdea             *fw_triage_make_idea         (const FwStory            *story,
                                                 const FwTriageSuggestion *suggestion,
                                                 FwTask                    task);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwStory, fw_story_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwTriageSuggestion, fw_triage_suggestion_free)

G_END_DECLS
