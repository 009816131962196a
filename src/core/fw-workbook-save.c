/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-json.h"
#include "fw-member-assessment.h"
#include "fw-workbook-io.h"
#include "fw-workbook-io-private.h"

/* Saving */

/* Writes the members of @extra that @known does not claim: what a newer version
 * wrote, kept. */
static void
write_others (FwJsonWriter *writer,
              JsonObject   *extra,
              KnownFunc     known,
              gconstpointer data)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  if (extra == NULL)
    return;
  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &member, &value))
    if (!known (member, data))
      fw_json_writer_node (writer, member, value);
}

/* The members of @extra not in @known. */
static void
write_unknown (FwJsonWriter       *writer,
               JsonObject         *extra,
               const char * const *known)
{
  write_others (writer, extra, io_in_list, known);
}

/* The unknown members kept for the known nested object @member, if any. */
static JsonObject *
nested_extra (JsonObject *extra,
              const char *member)
{
  JsonNode *node;

  if (extra == NULL || (node = json_object_get_member (extra, member)) == NULL)
    return NULL;
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
write_case (FwJsonWriter *writer,
            FwCase       *item)
{
  fw_json_writer_begin_object (writer, NULL);
  fw_json_writer_string (writer, "id", fw_case_get_text (item, FW_CASE_ID));
  for (guint i = 0; i < G_N_ELEMENTS (case_texts); i++)
    fw_json_writer_string (writer, case_texts[i].member,
                           fw_case_get_text (item, case_texts[i].field));
  fw_json_writer_string (writer, "task", fw_task_to_id (fw_case_get_task (item)));
  fw_json_writer_begin_array (writer, "whys");
  for (guint s = 0; s < FW_N_STAGES; s++)
    fw_json_writer_string (writer, NULL, fw_case_get_why (item, s));
  fw_json_writer_end_array (writer);
  write_unknown (writer, fw_case_get_extra (item), case_members);
  fw_json_writer_end_object (writer);
}

static void
write_idea_texts (FwJsonWriter       *writer,
                  const char         *name,
                  FwIdea             *item,
                  const char * const *members,
                  const FwIdeaText   *fields,
                  JsonObject         *extra)
{
  fw_json_writer_begin_object (writer, name);
  for (guint i = 0; members[i]; i++)
    fw_json_writer_string (writer, members[i], fw_idea_get_text (item, fields[i]));
  write_unknown (writer, extra, members);
  fw_json_writer_end_object (writer);
}

static void
write_stages (FwJsonWriter *writer,
              FwIdea       *item,
              JsonObject   *extra)
{
  JsonArray *stages_extra = NULL;

  if (extra && json_object_has_member (extra, "stages") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (extra, "stages")))
    stages_extra = json_object_get_array_member (extra, "stages");

  fw_json_writer_begin_array (writer, "stages");
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      fw_json_writer_begin_object (writer, NULL);
      fw_json_writer_string (writer, "stage", fw_stage_to_id (s));
      fw_json_writer_string (writer, "why", fw_idea_get_why (item, s));
      fw_json_writer_string (writer, "evidence",
                             fw_evidence_to_id (fw_idea_get_evidence (item, s)));
      if (stages_extra && s < json_array_get_length (stages_extra) &&
          JSON_NODE_HOLDS_OBJECT (json_array_get_element (stages_extra, s)))
        write_unknown (writer, json_array_get_object_element (stages_extra, s), stage_members);
      fw_json_writer_end_object (writer);
    }
  fw_json_writer_end_array (writer);
}

static void
write_conditions (FwJsonWriter *writer,
                  FwIdea       *item,
                  JsonObject   *extra)
{
  JsonObject *conditions_extra = nested_extra (extra, "conditions");

  fw_json_writer_begin_object (writer, "conditions");
  for (guint c = 0; c < FW_N_CONDITIONS; c++)
    {
      const char *id = fw_condition_to_id (c);

      fw_json_writer_begin_object (writer, id);
      fw_json_writer_boolean (writer, "ticked", fw_idea_get_condition (item, c));
      fw_json_writer_string (writer, "note", fw_idea_get_condition_note (item, c));
      write_unknown (writer, nested_extra (conditions_extra, id), condition_members);
      fw_json_writer_end_object (writer);
    }
  /* Conditions a newer version knows, kept whole. */
  write_others (writer, conditions_extra, io_is_condition_id, NULL);
  fw_json_writer_end_object (writer);
}

static void
write_questions (FwJsonWriter *writer,
                 FwIdea       *item,
                 JsonObject   *extra)
{
  JsonObject *questions_extra = nested_extra (extra, "questions");

  fw_json_writer_begin_object (writer, "questions");
  for (guint q = 0; q < FW_N_QUESTIONS; q++)
    fw_json_writer_string (writer, fw_question_to_id (q),
                           fw_answer_to_id (fw_idea_get_answer (item, q)));
  write_others (writer, questions_extra, io_is_question_id, NULL);
  fw_json_writer_end_object (writer);
}

static void
write_priority (FwJsonWriter *writer,
                FwIdea       *item,
                JsonObject   *extra)
{
  fw_json_writer_begin_object (writer, "priority");
  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    {
      FwLevel level = fw_idea_get_priority (item, priorities[i].which);

      fw_json_writer_string (writer, priorities[i].level, fw_level_to_id (level));
      fw_json_writer_string (writer, priorities[i].reason,
                             fw_idea_get_text (item, priorities[i].reason_field));
    }
  fw_json_writer_string (writer, "concerns", fw_idea_get_text (item, FW_IDEA_CONCERNS));
  fw_json_writer_string (writer, "blockers", fw_idea_get_text (item, FW_IDEA_BLOCKERS));
  write_unknown (writer, nested_extra (extra, "priority"), priority_members);
  fw_json_writer_end_object (writer);
}

static void
write_member (FwJsonWriter *writer,
              FwMember     *item)
{
  fw_json_writer_begin_object (writer, NULL);
  fw_json_writer_string (writer, "id", fw_member_get_id (item));
  fw_json_writer_string (writer, "name", fw_member_get_name (item));
  fw_json_writer_string (writer, "role", fw_role_to_id (fw_member_get_role (item)));
  write_unknown (writer, fw_member_get_extra (item), member_members);
  fw_json_writer_end_object (writer);
}

/* Written only when there is one, so a file without team data is written back as
 * it was read. */
static void
write_decision (FwJsonWriter *writer,
                FwIdea       *item,
                JsonObject   *extra)
{
  JsonObject *decision_extra = nested_extra (extra, "decision");

  if (fw_idea_get_decision (item) == FW_DECISION_NONE &&
      *fw_idea_get_decision_rationale (item) == '\0' &&
      *fw_idea_get_decision_date (item) == '\0' && decision_extra == NULL)
    return;
  fw_json_writer_begin_object (writer, "decision");
  fw_json_writer_string (writer, "choice", fw_decision_to_id (fw_idea_get_decision (item)));
  fw_json_writer_string (writer, "rationale", fw_idea_get_decision_rationale (item));
  fw_json_writer_string (writer, "date", fw_idea_get_decision_date (item));
  write_unknown (writer, decision_extra, decision_members);
  fw_json_writer_end_object (writer);
}

static void
write_assessments (FwJsonWriter *writer,
                   FwIdea       *item)
{
  GListModel *assessments;
  guint n = fw_idea_get_n_assessments (item);

  if (n == 0)
    return;
  assessments = fw_idea_get_assessments (item);
  fw_json_writer_begin_array (writer, "assessments");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FwMemberAssessment) assessment = g_list_model_get_item (assessments, i);
      FwIdea *judgement = fw_member_assessment_get_judgement (assessment);
      JsonObject *judgement_extra = fw_idea_get_extra (judgement);

      fw_json_writer_begin_object (writer, NULL);
      fw_json_writer_string (writer, "member", fw_member_assessment_get_member_id (assessment));
      fw_json_writer_string (writer, "made", fw_member_assessment_get_made (assessment));
      fw_json_writer_string (writer, "comment", fw_member_assessment_get_comment (assessment));
      write_stages (writer, judgement, judgement_extra);
      write_conditions (writer, judgement, judgement_extra);
      write_questions (writer, judgement, judgement_extra);
      write_priority (writer, judgement, judgement_extra);
      write_unknown (writer, fw_member_assessment_get_extra (assessment), assessment_members);
      fw_json_writer_end_object (writer);
    }
  fw_json_writer_end_array (writer);
}

static void
write_idea (FwJsonWriter *writer,
            FwIdea       *item)
{
  JsonObject *extra = fw_idea_get_extra (item);
  const char * const *ids = fw_idea_get_case_ids (item);

  fw_json_writer_begin_object (writer, NULL);
  fw_json_writer_string (writer, "id", fw_idea_get_id (item));
  fw_json_writer_string (writer, "title", fw_idea_get_title (item));
  write_idea_texts (writer, "story", item, story_members, story_fields,
                    nested_extra (extra, "story"));
  fw_json_writer_string (writer, "customer", fw_idea_get_text (item, FW_IDEA_CUSTOMER));
  write_idea_texts (writer, "use_case", item, use_case_members, use_case_fields,
                    nested_extra (extra, "use_case"));
  fw_json_writer_string (writer, "task", fw_task_to_id (fw_idea_get_task (item)));
  fw_json_writer_string (writer, "applicability",
                         fw_applicability_to_id (fw_idea_get_applicability (item)));
  write_stages (writer, item, extra);
  write_conditions (writer, item, extra);
  write_questions (writer, item, extra);
  write_priority (writer, item, extra);
  fw_json_writer_string (writer, "notes", fw_idea_get_text (item, FW_IDEA_NOTES));
  fw_json_writer_string (writer, "event_storming_url",
                         fw_idea_get_text (item, FW_IDEA_EVENT_STORMING_URL));
  fw_json_writer_begin_array (writer, "case_ids");
  for (guint i = 0; ids && ids[i]; i++)
    fw_json_writer_string (writer, NULL, ids[i]);
  fw_json_writer_end_array (writer);
  write_decision (writer, item, extra);
  /* Written only once revealed: files without it read as blind. */
  if (fw_idea_get_revealed (item))
    fw_json_writer_boolean (writer, "revealed", TRUE);
  write_assessments (writer, item);
  write_unknown (writer, extra, idea_members);
  fw_json_writer_end_object (writer);
}

/* Each idea's JSON is kept with it until it changes (its revision moves on): a draft of
 * 10,000 ideas after one edit writes that idea and copies the others. */
#define IDEA_DEPTH 2  /* the root object, then its "ideas" array */

typedef struct
{
  guint64  revision;
  GBytes  *text;
} IdeaText;

static void
idea_text_free (gpointer data)
{
  IdeaText *cached = data;

  g_bytes_unref (cached->text);
  g_free (cached);
}

/* The idea's JSON as the workbook writes it, made again only when the idea
 * changed since (borrowed: it stays with the idea). */
static GBytes *
idea_text (FwIdea *item)
{
  static GQuark quark;
  guint64 revision = fw_idea_get_revision (item);
  IdeaText *cached;

  if (quark == 0)
    quark = g_quark_from_static_string ("fw-workbook-io-idea-text");
  cached = g_object_get_qdata (G_OBJECT (item), quark);
  if (cached == NULL || cached->revision != revision)
    {
      GString *piece = g_string_new (NULL);
      gsize skip = 2 + 2 * IDEA_DEPTH;  /* ",\n" and the indent */
      g_autoptr(GBytes) whole = NULL;
      FwJsonWriter nested;

      fw_json_writer_init_nested (&nested, piece, IDEA_DEPTH);
      write_idea (&nested, item);
      fw_json_writer_clear (&nested);
      whole = g_string_free_to_bytes (piece);

      cached = g_new0 (IdeaText, 1);
      cached->revision = revision;
      cached->text = g_bytes_new_from_bytes (whole, skip, g_bytes_get_size (whole) - skip);
      g_object_set_qdata_full (G_OBJECT (item), quark, cached, idea_text_free);
    }
  return cached->text;
}

/* With @pieces, the ideas' kept texts are not copied: what was written so far
 * becomes a piece, then the idea's text joins as a piece of its own. */
static void
write_idea_cached (FwJsonWriter *writer,
                   FwIdea       *item,
                   GPtrArray    *pieces)
{
  GBytes *text = idea_text (item);

  g_return_if_fail (writer->open->len == IDEA_DEPTH);
  if (pieces == NULL)
    {
      fw_json_writer_raw (writer, NULL, g_bytes_get_data (text, NULL), g_bytes_get_size (text));
      return;
    }
  fw_json_writer_raw (writer, NULL, "", 0);  /* the separator and the indent */
  g_ptr_array_add (pieces, g_bytes_new (writer->out->str, writer->out->len));
  g_string_truncate (writer->out, 0);
  g_ptr_array_add (pieces, g_bytes_ref (text));
}

/* Written straight from the model, in JSON-GLib's pretty layout (fw-json.h): building
 * a json-glib tree of a large workbook and generating from it took 0.7 s, which every
 * draft paid on the main thread. */
static GString *
write_workbook (FwWorkbook *self,
                GPtrArray  *pieces)
{
  GString *out;
  FwJsonWriter writer;
  guint n;

  out = g_string_sized_new (pieces ? 4096 : 4096 + 4096 * (gsize) fw_workbook_get_n_ideas (self));
  fw_json_writer_init (&writer, out);
  fw_json_writer_begin_object (&writer, NULL);
  fw_json_writer_string (&writer, "format", FW_WORKBOOK_FORMAT);
  fw_json_writer_int (&writer, "version", FW_WORKBOOK_VERSION);
  /* The id and the team only when there are: older files are written back as read. */
  if (fw_workbook_get_id (self))
    fw_json_writer_string (&writer, "id", fw_workbook_get_id (self));
  for (guint i = 0; i < FW_N_WORKBOOK_TEXTS; i++)
    fw_json_writer_string (&writer, workbook_text_members[i], fw_workbook_get_text (self, i));

  n = fw_workbook_get_n_members (self);
  if (n > 0)
    {
      fw_json_writer_begin_array (&writer, "members");
      for (guint i = 0; i < n; i++)
        write_member (&writer, fw_workbook_get_member (self, i));
      fw_json_writer_end_array (&writer);
    }

  n = fw_workbook_get_n_cases (self);
  fw_json_writer_begin_array (&writer, "cases");
  for (guint i = 0; i < n; i++)
    write_case (&writer, fw_workbook_get_case (self, i));
  fw_json_writer_end_array (&writer);

  n = fw_workbook_get_n_ideas (self);
  fw_json_writer_begin_array (&writer, "ideas");
  for (guint i = 0; i < n; i++)
    write_idea_cached (&writer, fw_workbook_get_idea (self, i), pieces);
  fw_json_writer_end_array (&writer);

  write_unknown (&writer, fw_workbook_get_extra (self), top_members);
  fw_json_writer_end_object (&writer);
  fw_json_writer_clear (&writer);

  g_string_append_c (out, '\n');
  return out;
}

GBytes *
fw_workbook_to_bytes (FwWorkbook *self)
{
  g_return_val_if_fail (FW_IS_WORKBOOK (self), NULL);
  return g_string_free_to_bytes (write_workbook (self, NULL));
}

GPtrArray *
fw_workbook_to_pieces (FwWorkbook *self)
{
  GPtrArray *pieces;

  g_return_val_if_fail (FW_IS_WORKBOOK (self), NULL);

  pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_ptr_array_add (pieces, g_string_free_to_bytes (write_workbook (self, pieces)));
  return pieces;
}

gboolean
fw_workbook_save (FwWorkbook    *self,
                  GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return fw_workbook_save_full (self, file, NULL, NULL, cancellable, error);
}

gboolean
fw_workbook_save_full (FwWorkbook    *self,
                       GFile         *file,
                       const char    *expected_etag,
                       char         **new_etag,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) io_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (FW_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = fw_workbook_to_bytes (self);
  /* Written to a temporary file in the same folder and renamed over the old one, so an
   * interrupted save leaves the old file or the new one, whole. */
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                expected_etag, TRUE, G_FILE_CREATE_NONE, new_etag, cancellable,
                                &io_error))
    {
      name = io_file_display_name (file);
      fw_file_error_set (error, io_error, name, TRUE);
      return FALSE;
    }
  return TRUE;
}
