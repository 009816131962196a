/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the file format's reader and writer share: fw-workbook-io.c (checks, the
 * root, files), fw-workbook-load.c (cases and ideas from the JSON tree),
 * fw-workbook-save.c (the writer). Not for other code. */

#include <json-glib/json-glib.h>

#include "fw-json.h"
#include "fw-workbook-io.h"

G_BEGIN_DECLS

/* The known members of each object, in the order they are written (docs/file-format.md).
 * What a loaded object holds beyond these is kept in the item's "extra" object, which
 * mirrors the file: unknown members as they were, and for a known nested object (story,
 * stages[i], conditions.X, …) an object of that object's unknown members. */
static const char * const top_members[] = {
  "format", "version", "id", "title", "product", "author", "created", "modified", "members",
  "cases", "ideas", NULL
};
static const char * const member_members[] = { "id", "name", "role", NULL };
static const char * const case_members[] = {
  "id", "name", "summary", "problem", "solution", "impact", "link", "task", "whys", NULL
};
static const char * const idea_members[] = {
  "id", "title", "story", "customer", "use_case", "task", "applicability", "stages",
  "conditions", "questions", "priority", "notes", "event_storming_url", "case_ids",
  "decision", "revealed", "assessments", NULL
};
static const char * const decision_members[] = { "choice", "rationale", "date", NULL };
static const char * const assessment_members[] = {
  "member", "made", "comment", "stages", "conditions", "questions", "priority", NULL
};
static const char * const story_members[] = { "as_a", "i_want", "so_that", NULL };
static const char * const use_case_members[] = { "input", "output", NULL };
static const char * const stage_members[] = { "stage", "why", "evidence", NULL };
static const char * const condition_members[] = { "ticked", "note", NULL };
static const char * const priority_members[] = {
  "importance", "importance_reason", "urgency", "urgency_reason", "ml_value",
  "ml_value_reason", "concerns", "blockers", NULL
};

/* Workbook texts in FwWorkbookText order. */
static const char * const workbook_text_members[] = {
  "title", "product", "author", "created", "modified"
};
G_STATIC_ASSERT (G_N_ELEMENTS (workbook_text_members) == FW_N_WORKBOOK_TEXTS);

static const struct { FwCaseText field; const char *member; } case_texts[] = {
  { FW_CASE_NAME, "name" },
  { FW_CASE_SUMMARY, "summary" },
  { FW_CASE_PROBLEM, "problem" },
  { FW_CASE_SOLUTION, "solution" },
  { FW_CASE_IMPACT, "impact" },
  { FW_CASE_LINK, "link" },
};

static const struct { FwPriority which; const char *level; const char *reason;
                      FwIdeaText reason_field; } priorities[] = {
  { FW_PRIORITY_IMPORTANCE, "importance", "importance_reason", FW_IDEA_IMPORTANCE_REASON },
  { FW_PRIORITY_URGENCY, "urgency", "urgency_reason", FW_IDEA_URGENCY_REASON },
  { FW_PRIORITY_ML_VALUE, "ml_value", "ml_value_reason", FW_IDEA_ML_VALUE_REASON },
};

typedef gboolean (*KnownFunc) (const char    *name,
                               gconstpointer  data);

typedef struct
{
  const char *name;   /* the file, for messages */
  GString    *place;  /* where we are: "ideas[3].stages[1]" */
  GHashTable *members;  /* the team's member ids (borrowed strings) → index */
  /* What an item without an id gets its id from (the workbook's id or creation
   * time), so every read of the file gives it the same one; NULL: a random one. */
  const char *id_seed;
  GPtrArray  *made_ids;   /* char *: the ids made from it */
} Loader;

static const FwIdeaText story_fields[] = { FW_IDEA_AS_A, FW_IDEA_I_WANT, FW_IDEA_SO_THAT };
static const FwIdeaText use_case_fields[] = { FW_IDEA_INPUT_DATA, FW_IDEA_OUTPUT_DATA };

gboolean
io_in_list (const char    *name,
            gconstpointer  list);

gboolean
io_is_condition_id (const char    *name,
                    gconstpointer  data);

gboolean
io_is_question_id (const char    *name,
                   gconstpointer  data);

char *
io_file_display_name (GFile *file);

gsize
io_place_push (Loader     *loader,
               const char *member);

gsize
io_place_push_index (Loader *loader,
                     guint   index);

void
io_place_pop (Loader *loader,
              gsize   len);

void
io_fail (Loader     *loader,
         GError    **error,
         int         code,
         const char *what);

const char *
io_node_kind (const FwJsonValue *node);

gboolean
io_fail_type (Loader             *loader,
              GError            **error,
              const char         *member,
              const char         *expected,
              const FwJsonValue  *node);

gboolean
io_read_string (Loader             *loader,
                const FwJsonValue  *object,
                const char         *member,
                const char        **out,
                GError            **error);

gboolean
io_read_array (Loader             *loader,
               const FwJsonValue  *object,
               const char         *member,
               const FwJsonValue **out,
               GError            **error);

JsonObject *
io_unknown_members (const FwJsonValue  *object,
                    const char * const *known);

FwCase *
io_load_case (Loader             *loader,
              const FwJsonValue  *node,
              GHashTable         *seen,
              guint               index,
              GError            **error);

FwMember *
io_load_member (Loader             *loader,
                const FwJsonValue  *node,
                guint               index,
                GError            **error);

FwIdea *
io_load_idea (Loader             *loader,
              const FwJsonValue  *node,
              GHashTable         *seen,
              guint               index,
              GError            **error);

G_END_DECLS
