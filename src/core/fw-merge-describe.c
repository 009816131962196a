/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Describing items, fields and values as a person reads them: the conflicts'
 * and the differences' words. */

#include "config.h"

#include "fw-gettext.h"
#include "fw-merge-private.h"

/* ------------------------------------------------------------------ labels */


static const char *
interned_printf (const char *format,
                 ...) G_GNUC_PRINTF (1, 2);

static const char *
interned_printf (const char *format,
                 ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  return g_intern_string (text);
}

static const char *
idea_field_label (const char *field)
{
  static const struct { const char *name; const char *label; } texts[] = {
    { "title", N_("Title") },
    /* TRANSLATORS: the user story's three parts: As a … I want … so that … */
    { "as-a", N_("Story — as a") },
    { "i-want", N_("Story — I want") },
    { "so-that", N_("Story — so that") },
    { "customer", N_("Customer") },
    { "input-data", N_("Use case — input data") },
    { "output-data", N_("Use case — output data") },
    { "importance-reason", N_("Importance — why") },
    { "urgency-reason", N_("Urgency — why") },
    { "ml-value-reason", N_("Value of ML — why") },
    { "concerns", N_("Concerns") },
    { "blockers", N_("Blockers") },
    { "notes", N_("Notes") },
    { "event-storming-url", N_("Event Storming URL") },
    { "task", N_("Task") },
    { "applicability", N_("Applicability") },
    { "importance", N_("Importance") },
    { "urgency", N_("Urgency") },
    { "ml-value", N_("Value of ML") },
    { "case-ids", N_("Cases it follows") },
    { "decision", N_("Decision") },
    { "decision-rationale", N_("Decision — rationale") },
    { "decision-date", N_("Decision — date") },
    { "revealed", N_("Assessments revealed") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_str_equal (texts[i].name, field))
      return _(texts[i].label);
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      if (g_str_equal (field, fw_idea_why_property_name (s)))
        /* TRANSLATORS: %s is a stage of the flywheel ("Data") */
        return interned_printf (_("%s — why"), fw_stage_label (s));
      if (g_str_equal (field, fw_idea_evidence_property_name (s)))
        /* TRANSLATORS: %s is a stage of the flywheel ("Data") */
        return interned_printf (_("%s — evidence"), fw_stage_label (s));
    }
  for (guint c = 0; c < FW_N_CONDITIONS; c++)
    {
      if (g_str_equal (field, fw_idea_condition_property_name (c)))
        /* TRANSLATORS: %s is a condition ("100% accuracy required") */
        return interned_printf (_("Condition “%s”"), fw_condition_label (c));
      if (g_str_equal (field, fw_idea_condition_note_property_name (c)))
        /* TRANSLATORS: %s is a condition ("100% accuracy required") */
        return interned_printf (_("Condition “%s” — note"), fw_condition_label (c));
    }
  for (guint q = 0; q < FW_N_QUESTIONS; q++)
    if (g_str_equal (field, fw_idea_answer_property_name (q)))
      /* TRANSLATORS: %s is one of the questions of the checklist */
      return interned_printf (_("Question “%s”"), fw_question_label (q));
  return NULL;
}

const char *
fw_field_label (FwItemKind  kind,
                const char *field)
{
  const char *label = NULL;

  g_return_val_if_fail (field != NULL, "");

  if (*field == '\0')
    return _("Whole item");
  switch (kind)
    {
    case FW_ITEM_WORKBOOK:
      if (g_str_equal (field, "title")) label = _("Title");
      else if (g_str_equal (field, "product")) label = _("Product");
      else if (g_str_equal (field, "author")) label = _("Author");
      else if (g_str_equal (field, "created")) label = _("Created");
      else if (g_str_equal (field, "modified")) label = _("Modified");
      break;
    case FW_ITEM_CASE:
      for (guint i = 1; i < FW_N_CASE_TEXTS && label == NULL; i++)
        if (g_str_equal (field, fw_case_text_property_name (i)))
          label = fw_case_text_label (i);
      if (label == NULL && g_str_equal (field, "task"))
        label = _("Task");
      for (guint s = 0; s < FW_N_STAGES && label == NULL; s++)
        if (g_str_equal (field, fw_case_why_property_name (s)))
          label = interned_printf (_("%s — why"), fw_stage_label (s));
      break;
    case FW_ITEM_MEMBER:
      if (g_str_equal (field, "name")) label = _("Name");
      else if (g_str_equal (field, "role")) label = _("Role");
      break;
    case FW_ITEM_ASSESSMENT:
      if (g_str_equal (field, "comment")) label = _("Comment");
      else if (g_str_equal (field, "made")) label = _("Made");
      else label = idea_field_label (field);
      break;
    case FW_ITEM_IDEA:
      label = idea_field_label (field);
      break;
    case FW_N_ITEMS:
    default:
      break;
    }
  return label ? label : g_intern_string (field);
}

static const char *
enum_label (GType       type,
            const char *id)
{
  int value = 0;

#define LABEL_OF(Type, name) \
  if (type == FW_TYPE_##Type && fw_##name##_from_id (id, (void *) &value)) \
    return fw_##name##_label (value);
  LABEL_OF (TASK, task)
  LABEL_OF (APPLICABILITY, applicability)
  LABEL_OF (EVIDENCE, evidence)
  LABEL_OF (ANSWER, answer)
  LABEL_OF (LEVEL, level)
  LABEL_OF (ROLE, role)
  LABEL_OF (DECISION, decision)
  LABEL_OF (VERDICT, verdict)
#undef LABEL_OF
  return id;
}

static char *
quote_text (const char *text,
            guint       max_chars)
{
  g_autoptr(GString) s = g_string_new (NULL);
  glong length = g_utf8_strlen (text, -1);

  if (*text == '\0')
    return g_strdup (_("(empty)"));
  if (max_chars > 0 && (gulong) length > max_chars)
    {
      const char *end = g_utf8_offset_to_pointer (text, max_chars);

      g_string_append_len (s, text, end - text);
      g_string_append (s, "…");
    }
  else
    g_string_append (s, text);
  /* One line: a line break reads as a space. */
  for (char *p = s->str; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  /* TRANSLATORS: a text the user typed, quoted */
  return g_strdup_printf (_("“%s”"), s->str);
}

char *
fw_field_format_value (FwWorkbook *workbook,
                       FwItemKind  kind,
                       const char *field,
                       JsonNode   *value,
                       guint       max_chars)
{
  const FwField *f = field && *field ? fw_field_find (kind, field) : NULL;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup (_("(none)"));
  if (field == NULL || *field == '\0')
    {
      gboolean present = fw_json_node_holds (value, G_TYPE_BOOLEAN) &&
                         json_node_get_boolean (value);
      return g_strdup (present ? _("kept") : _("deleted"));
    }
  if (fw_json_node_holds (value, G_TYPE_BOOLEAN))
    return g_strdup (json_node_get_boolean (value) ? _("ticked") : _("not ticked"));
  if (fw_json_node_holds (value, G_TYPE_STRING))
    {
      const char *text = json_node_get_string (value);

      if (f && f->pspec && G_TYPE_IS_ENUM (f->pspec->value_type))
        return g_strdup (enum_label (f->pspec->value_type, text));
      return quote_text (text, max_chars);
    }
  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);
      g_autoptr(GString) s = g_string_new (NULL);

      if (json_array_get_length (array) == 0)
        return g_strdup (_("(none)"));
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          const char *id = fw_json_node_holds (element, G_TYPE_STRING)
                           ? json_node_get_string (element) : NULL;
          FwCase *item = workbook && id ? fw_workbook_find_case (workbook, id, NULL) : NULL;
          g_autofree char *quoted = quote_text (item ? fw_case_get_name (item) : (id ? id : ""),
                                                max_chars);

          if (i > 0)
            /* TRANSLATORS: between the items of a list */
            g_string_append (s, _(", "));
          g_string_append (s, quoted);
        }
      return g_string_free (g_steal_pointer (&s), FALSE);
    }
  return g_strdup ("?");
}

/* One line: a title with line breaks would break "flywheel diff"'s one line per
 * change and "show"'s headings. */
char *
fw_merge_describe_item (FwWorkbook *workbook,
                        FwItemKind  kind,
                        const char *id,
                        const char *member_id)
{
  GObject *item = workbook ? fw_item_find (workbook, kind, id, member_id) : NULL;
  char *text = fw_item_describe (workbook, kind, item, NULL, id, member_id);

  for (char *p = text; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return text;
}

char *
fw_item_describe (FwWorkbook *workbook,
                  FwItemKind  kind,
                  GObject    *item,
                  FwIdea     *idea,
                  const char *id,
                  const char *member_id)
{
  switch (kind)
    {
    case FW_ITEM_WORKBOOK:
      if (workbook && *fw_workbook_get_title (workbook))
        /* TRANSLATORS: %s is the workbook's title */
        return g_strdup_printf (_("Workbook “%s”"), fw_workbook_get_title (workbook));
      return g_strdup (_("Workbook"));
    case FW_ITEM_CASE:
      /* TRANSLATORS: %s is a case's name */
      return g_strdup_printf (_("Case “%s”"), item && *fw_case_get_name (FW_CASE (item))
                                                ? fw_case_get_name (FW_CASE (item)) : id);
    case FW_ITEM_IDEA:
      {
        g_autofree char *title = item ? fw_idea_dup_display_title (FW_IDEA (item))
                                      : g_strdup (id);

        /* TRANSLATORS: %s is an idea's title */
        return g_strdup_printf (_("Idea “%s”"), title);
      }
    case FW_ITEM_MEMBER:
      {
        g_autofree char *name = item ? fw_member_dup_display_name (FW_MEMBER (item))
                                     : g_strdup (id);
        /* TRANSLATORS: %s is a team member's name */
        return g_strdup_printf (_("Member “%s”"), name);
      }
    case FW_ITEM_ASSESSMENT:
      {
        const char *whose = item ? fw_item_key (kind, item) : member_id;
        FwMember *member = workbook && whose ? fw_workbook_find_member (workbook, whose, NULL)
                                             : NULL;
        g_autofree char *name = member ? fw_member_dup_display_name (member)
                                       : g_strdup (whose ? whose : "");
        g_autofree char *title = NULL;

        if (idea == NULL && workbook)
          idea = fw_workbook_find_idea (workbook, id, NULL);
        title = idea ? fw_idea_dup_display_title (idea) : g_strdup (id);
        /* TRANSLATORS: a member's assessment of an idea: "Aiko’s assessment of “Title”" */
        return g_strdup_printf (_("%s’s assessment of “%s”"), name, title);
      }
    case FW_N_ITEMS:
    default:
      return g_strdup ("");
    }
}
