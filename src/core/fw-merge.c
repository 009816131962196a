/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include "fw-json.h"
#include "fw-merge-private.h"

G_DEFINE_QUARK (fw-merge-error-quark, fw_merge_error)

#define CONFLICTS_MEMBER "conflicts"

/* ------------------------------------------------------------------ fields */

/* Whether an idea's property is one a member judges (fw_idea_set_judgement_from()):
 * the fields an assessment keeps, and its file holds. */
static gboolean
is_judgement_field (const char *name)
{
  static const FwIdeaText texts[] = {
    FW_IDEA_IMPORTANCE_REASON, FW_IDEA_URGENCY_REASON, FW_IDEA_ML_VALUE_REASON,
    FW_IDEA_CONCERNS, FW_IDEA_BLOCKERS,
  };

  for (guint s = 0; s < FW_N_STAGES; s++)
    if (g_str_equal (name, fw_idea_why_property_name (s)) ||
        g_str_equal (name, fw_idea_evidence_property_name (s)))
      return TRUE;
  for (guint c = 0; c < FW_N_CONDITIONS; c++)
    if (g_str_equal (name, fw_idea_condition_property_name (c)) ||
        g_str_equal (name, fw_idea_condition_note_property_name (c)))
      return TRUE;
  for (guint q = 0; q < FW_N_QUESTIONS; q++)
    if (g_str_equal (name, fw_idea_answer_property_name (q)))
      return TRUE;
  for (guint p = 0; p < FW_N_PRIORITIES; p++)
    if (g_str_equal (name, fw_idea_priority_property_name (p)))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_str_equal (name, fw_idea_text_property_name (texts[i])))
      return TRUE;
  return FALSE;
}

static GArray *
collect_fields (GType    type,
                gboolean on_judgement,
                GArray  *fields)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  guint n = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n);

  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = pspecs[i];
      FwField field = { g_intern_string (pspec->name), pspec, on_judgement };

      if (!(pspec->flags & G_PARAM_WRITABLE) || (pspec->flags & G_PARAM_CONSTRUCT_ONLY) ||
          g_str_equal (pspec->name, "id") || g_str_equal (pspec->name, "member-id"))
        continue;
      /* A judgement is an idea, but only the fields a member judges are kept: its
       * title, links or decision are no field of an assessment. */
      if (on_judgement && !is_judgement_field (pspec->name))
        continue;
      g_array_append_val (fields, field);
    }
  return fields;
}

const FwField *
fw_fields_of (FwItemKind  kind,
              guint      *n_fields)
{
  static gsize tables[FW_N_ITEMS];
  GArray *table;

  g_return_val_if_fail (kind < FW_N_ITEMS, NULL);

  if (g_once_init_enter (&tables[kind]))
    {
      GArray *fields = g_array_new (FALSE, TRUE, sizeof (FwField));
      FwField revealed = { g_intern_static_string ("revealed"), NULL, FALSE };

      switch (kind)
        {
        case FW_ITEM_WORKBOOK:
          collect_fields (FW_TYPE_WORKBOOK, FALSE, fields);
          break;
        case FW_ITEM_CASE:
          collect_fields (FW_TYPE_CASE, FALSE, fields);
          break;
        case FW_ITEM_IDEA:
          collect_fields (FW_TYPE_IDEA, FALSE, fields);
          g_array_append_val (fields, revealed);
          break;
        case FW_ITEM_MEMBER:
          collect_fields (FW_TYPE_MEMBER, FALSE, fields);
          break;
        case FW_ITEM_ASSESSMENT:
          collect_fields (FW_TYPE_MEMBER_ASSESSMENT, FALSE, fields);
          collect_fields (FW_TYPE_IDEA, TRUE, fields);
          break;
        case FW_N_ITEMS:
        default:
          g_assert_not_reached ();
        }
      g_once_init_leave (&tables[kind], (gsize) fields);
    }
  table = (GArray *) tables[kind];
  *n_fields = table->len;
  return (const FwField *) table->data;
}

const FwField *
fw_field_find (FwItemKind  kind,
               const char *name)
{
  guint n = 0;
  const FwField *fields;

  if (kind >= FW_N_ITEMS || name == NULL)
    return NULL;
  fields = fw_fields_of (kind, &n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (fields[i].name, name))
      return &fields[i];
  return NULL;
}

static GObject *
field_owner (const FwField *field,
             GObject       *item)
{
  if (field->on_judgement)
    return G_OBJECT (fw_member_assessment_get_judgement (FW_MEMBER_ASSESSMENT (item)));
  return item;
}

/* The field's value on @item, into @value (initialised here): what the merge
 * compares, without making JSON of every field of every item. */
static void
field_value (const FwField *field,
             GObject       *item,
             GValue        *value)
{
  GObject *owner = field_owner (field, item);

  if (field->pspec == NULL)
    {
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, fw_idea_get_revealed (FW_IDEA (owner)));
      return;
    }
  g_value_init (value, field->pspec->value_type);
  g_object_get_property (owner, field->name, value);
}

static gboolean
values_same (const GValue *a,
             const GValue *b)
{
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a) ? g_value_get_string (a) : "",
                      g_value_get_string (b) ? g_value_get_string (b) : "") == 0;
  if (G_VALUE_HOLDS_BOOLEAN (a))
    return !g_value_get_boolean (a) == !g_value_get_boolean (b);
  if (G_VALUE_HOLDS_ENUM (a))
    return g_value_get_enum (a) == g_value_get_enum (b);
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      static const char * const none[] = { NULL };
      const char * const *x = g_value_get_boxed (a);
      const char * const *y = g_value_get_boxed (b);

      return g_strv_equal (x ? x : none, y ? y : none);
    }
  g_return_val_if_reached (FALSE);
}

static void
set_value (const FwField *field,
           GObject       *item,
           const GValue  *value)
{
  GObject *owner = field_owner (field, item);

  if (field->pspec == NULL)
    fw_idea_set_revealed (FW_IDEA (owner), g_value_get_boolean (value));
  else
    g_object_set_property (owner, field->name, value);
}

static JsonNode *
value_to_json (const FwField *field,
               const GValue  *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return json_node_init_string (json_node_alloc (), g_value_get_string (value)
                                                       ? g_value_get_string (value) : "");
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return json_node_init_boolean (json_node_alloc (), g_value_get_boolean (value));
  if (G_VALUE_HOLDS_ENUM (value))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (field->pspec)->enum_class;
      GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));

      return json_node_init_string (json_node_alloc (), ev ? ev->value_nick : "");
    }
  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    {
      char **strv = g_value_get_boxed (value);
      g_autoptr(JsonArray) array = json_array_new ();   /* the node takes a reference */

      for (guint i = 0; strv && strv[i]; i++)
        json_array_add_string_element (array, strv[i]);
      return json_node_init_array (json_node_alloc (), array);
    }
  g_return_val_if_reached (json_node_new (JSON_NODE_NULL));
}

JsonNode *
fw_field_get (const FwField *field,
              GObject       *item)
{
  g_auto(GValue) value = G_VALUE_INIT;

  field_value (field, item, &value);
  return value_to_json (field, &value);
}

static gboolean
node_holds (JsonNode *node,
            GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* Times and days the file format checks: a value that would not load again is
 * refused here, so no resolution writes a file that cannot be opened. */
static gboolean
text_fits (const FwField *field,
           const char    *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  if (*text == '\0')
    return TRUE;
  if (g_str_equal (field->name, "created") || g_str_equal (field->name, "modified") ||
      g_str_equal (field->name, "made"))
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (text, NULL);

      return when != NULL;
    }
  if (g_str_equal (field->name, "decision-date"))
    {
      GDate date;

      if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
        return FALSE;
      g_date_clear (&date, 1);
      g_date_set_parse (&date, text);
      return g_date_valid (&date);
    }
  return TRUE;
}

/* @node as the field's GValue (initialised here), or FALSE when it does not fit. */
static gboolean
value_from_json (const FwField *field,
                 JsonNode      *node,
                 gboolean       strict,
                 GValue        *value)
{
  GType type = field->pspec->value_type;

  g_value_init (value, type);
  if (g_type_is_a (type, G_TYPE_STRING))
    {
      if (!node_holds (node, G_TYPE_STRING) ||
          !g_utf8_validate (json_node_get_string (node), -1, NULL) ||
          (strict && !text_fits (field, json_node_get_string (node))))
        return FALSE;
      g_value_set_string (value, json_node_get_string (node));
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      if (!node_holds (node, G_TYPE_BOOLEAN))
        return FALSE;
      g_value_set_boolean (value, json_node_get_boolean (node));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (field->pspec)->enum_class;
      GEnumValue *ev;

      if (!node_holds (node, G_TYPE_STRING))
        return FALSE;
      ev = g_enum_get_value_by_nick (klass, json_node_get_string (node));
      if (ev == NULL)
        return FALSE;
      g_value_set_enum (value, ev->value);
    }
  else if (type == G_TYPE_STRV)
    {
      JsonArray *array;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        return FALSE;
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!node_holds (element, G_TYPE_STRING))
            return FALSE;
          g_strv_builder_add (builder, json_node_get_string (element));
        }
      g_value_take_boxed (value, g_strv_builder_end (builder));
    }
  else
    return FALSE;
  return TRUE;
}

/* Whether @node is of the field's type (a text, an enum id, a switch, ids). */
static gboolean
field_accepts (const FwField *field,
               JsonNode      *node)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (field->pspec == NULL)
    return node_holds (node, G_TYPE_BOOLEAN);
  return value_from_json (field, node, FALSE, &value);
}

gboolean
fw_field_set (const FwField *field,
              GObject       *item,
              JsonNode      *node)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GObject *owner = field_owner (field, item);

  if (field->pspec == NULL)
    {
      if (!node_holds (node, G_TYPE_BOOLEAN))
        return FALSE;
      fw_idea_set_revealed (FW_IDEA (owner), json_node_get_boolean (node));
      return TRUE;
    }
  if (!value_from_json (field, node, TRUE, &value))
    return FALSE;
  g_object_set_property (owner, field->name, &value);
  return TRUE;
}

gboolean
fw_field_is_default (const FwField *field,
                     JsonNode      *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return TRUE;
  if (JSON_NODE_HOLDS_ARRAY (value))
    return json_array_get_length (json_node_get_array (value)) == 0;
  if (node_holds (value, G_TYPE_BOOLEAN))
    return !json_node_get_boolean (value);
  if (node_holds (value, G_TYPE_STRING))
    {
      const char *text = json_node_get_string (value);

      if (field->pspec && G_TYPE_IS_ENUM (field->pspec->value_type))
        {
          GEnumClass *klass = G_PARAM_SPEC_ENUM (field->pspec)->enum_class;
          GEnumValue *first = g_enum_get_value (klass, 0);

          return first && g_str_equal (first->value_nick, text);
        }
      return *text == '\0';
    }
  return FALSE;
}

gboolean
fw_json_node_same (JsonNode *a,
                   JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

/* ------------------------------------------------------------------ items */

guint
fw_items_count (FwWorkbook *workbook,
                FwItemKind  kind,
                FwIdea     *idea)
{
  switch (kind)
    {
    case FW_ITEM_CASE: return fw_workbook_get_n_cases (workbook);
    case FW_ITEM_IDEA: return fw_workbook_get_n_ideas (workbook);
    case FW_ITEM_MEMBER: return fw_workbook_get_n_members (workbook);
    case FW_ITEM_ASSESSMENT: return idea ? fw_idea_get_n_assessments (idea) : 0;
    case FW_ITEM_WORKBOOK: return 1;
    case FW_N_ITEMS:
    default: return 0;
    }
}

GObject *
fw_items_get (FwWorkbook *workbook,
              FwItemKind  kind,
              FwIdea     *idea,
              guint       position)
{
  switch (kind)
    {
    case FW_ITEM_CASE: return G_OBJECT (fw_workbook_get_case (workbook, position));
    case FW_ITEM_IDEA: return G_OBJECT (fw_workbook_get_idea (workbook, position));
    case FW_ITEM_MEMBER: return G_OBJECT (fw_workbook_get_member (workbook, position));
    case FW_ITEM_ASSESSMENT:
      {
        g_autoptr(GObject) item = g_list_model_get_item (fw_idea_get_assessments (idea), position);
        return item;   /* the idea holds it */
      }
    case FW_ITEM_WORKBOOK: return G_OBJECT (workbook);
    case FW_N_ITEMS:
    default: return NULL;
    }
}

const char *
fw_item_key (FwItemKind  kind,
             GObject    *item)
{
  switch (kind)
    {
    case FW_ITEM_CASE: return fw_case_get_id (FW_CASE (item));
    case FW_ITEM_IDEA: return fw_idea_get_id (FW_IDEA (item));
    case FW_ITEM_MEMBER: return fw_member_get_id (FW_MEMBER (item));
    case FW_ITEM_ASSESSMENT: return fw_member_assessment_get_member_id (FW_MEMBER_ASSESSMENT (item));
    case FW_ITEM_WORKBOOK:
    case FW_N_ITEMS:
    default: return "";
    }
}

GObject *
fw_item_find (FwWorkbook *workbook,
              FwItemKind  kind,
              const char *id,
              const char *member_id)
{
  FwIdea *idea;

  if (id == NULL && kind != FW_ITEM_WORKBOOK)
    return NULL;
  switch (kind)
    {
    case FW_ITEM_WORKBOOK: return G_OBJECT (workbook);
    case FW_ITEM_CASE: return G_OBJECT (fw_workbook_find_case (workbook, id, NULL));
    case FW_ITEM_IDEA: return G_OBJECT (fw_workbook_find_idea (workbook, id, NULL));
    case FW_ITEM_MEMBER: return G_OBJECT (fw_workbook_find_member (workbook, id, NULL));
    case FW_ITEM_ASSESSMENT:
      idea = fw_workbook_find_idea (workbook, id, NULL);
      if (idea == NULL || member_id == NULL)
        return NULL;
      return G_OBJECT (fw_idea_find_assessment (idea, member_id, NULL));
    case FW_N_ITEMS:
    default: return NULL;
    }
}

/* ------------------------------------------------------------------ labels */

static const char *item_ids[] = { "workbook", "case", "idea", "member", "assessment" };
G_STATIC_ASSERT (G_N_ELEMENTS (item_ids) == FW_N_ITEMS);

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
      gboolean present = node_holds (value, G_TYPE_BOOLEAN) && json_node_get_boolean (value);
      return g_strdup (present ? _("kept") : _("deleted"));
    }
  if (node_holds (value, G_TYPE_BOOLEAN))
    return g_strdup (json_node_get_boolean (value) ? _("ticked") : _("not ticked"));
  if (node_holds (value, G_TYPE_STRING))
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
          const char *id = node_holds (element, G_TYPE_STRING) ? json_node_get_string (element)
                                                                : NULL;
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

static char *describe_item (FwWorkbook *workbook,
                            FwItemKind  kind,
                            const char *id,
                            const char *member_id);

/* One line: a title with line breaks would break "flywheel diff"'s one line per
 * change and "show"'s headings. */
char *
fw_merge_describe_item (FwWorkbook *workbook,
                        FwItemKind  kind,
                        const char *id,
                        const char *member_id)
{
  char *text = describe_item (workbook, kind, id, member_id);

  for (char *p = text; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return text;
}

static char *
describe_item (FwWorkbook *workbook,
                        FwItemKind  kind,
                        const char *id,
                        const char *member_id)
{
  GObject *item = workbook ? fw_item_find (workbook, kind, id, member_id) : NULL;

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
      /* TRANSLATORS: %s is an idea's title */
      return g_strdup_printf (_("Idea “%s”"), item && *fw_idea_get_title (FW_IDEA (item))
                                                ? fw_idea_get_title (FW_IDEA (item)) : id);
    case FW_ITEM_MEMBER:
      {
        g_autofree char *name = item ? fw_member_dup_display_name (FW_MEMBER (item))
                                     : g_strdup (id);
        /* TRANSLATORS: %s is a team member's name */
        return g_strdup_printf (_("Member “%s”"), name);
      }
    case FW_ITEM_ASSESSMENT:
      {
        FwIdea *idea = workbook ? fw_workbook_find_idea (workbook, id, NULL) : NULL;
        FwMember *member = workbook && member_id
                           ? fw_workbook_find_member (workbook, member_id, NULL) : NULL;
        g_autofree char *name = member ? fw_member_dup_display_name (member)
                                       : g_strdup (member_id ? member_id : "");

        /* TRANSLATORS: a member's assessment of an idea: "Aiko’s assessment of “Title”" */
        return g_strdup_printf (_("%s’s assessment of “%s”"), name,
                                idea && *fw_idea_get_title (idea) ? fw_idea_get_title (idea) : id);
      }
    case FW_N_ITEMS:
    default:
      return g_strdup ("");
    }
}

/* ------------------------------------------------------------------ conflicts */

FwConflict *
fw_conflict_copy (const FwConflict *self)
{
  FwConflict *copy = g_new0 (FwConflict, 1);

  copy->kind = self->kind;
  copy->id = g_strdup (self->id);
  copy->member_id = g_strdup (self->member_id);
  copy->field = g_strdup (self->field);
  copy->base = self->base ? json_node_copy (self->base) : NULL;
  copy->ours = self->ours ? json_node_copy (self->ours) : NULL;
  copy->theirs = self->theirs ? json_node_copy (self->theirs) : NULL;
  copy->ours_from = g_strdup (self->ours_from);
  copy->theirs_from = g_strdup (self->theirs_from);
  return copy;
}

void
fw_conflict_free (FwConflict *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->member_id);
  g_free (self->field);
  g_clear_pointer (&self->base, json_node_unref);
  g_clear_pointer (&self->ours, json_node_unref);
  g_clear_pointer (&self->theirs, json_node_unref);
  g_free (self->ours_from);
  g_free (self->theirs_from);
  g_free (self);
}

gboolean
fw_conflict_equal (const FwConflict *a,
                   const FwConflict *b)
{
  return a->kind == b->kind && g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->member_id, b->member_id) == 0 && g_strcmp0 (a->field, b->field) == 0 &&
         fw_json_node_same (a->base, b->base) && fw_json_node_same (a->ours, b->ours) &&
         fw_json_node_same (a->theirs, b->theirs);
}

/* A member's text, or NULL when it is missing or not a text. */
static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node_holds (node, G_TYPE_STRING) ? json_node_get_string (node) : NULL;
}

static FwConflict *
conflict_from_json (JsonNode *node)
{
  JsonObject *object;
  const char *kind, *id, *field;
  g_autoptr(FwConflict) conflict = NULL;
  int k = -1;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  kind = string_member (object, "item");
  id = string_member (object, "id");
  field = string_member (object, "field");
  for (guint i = 0; kind && i < FW_N_ITEMS; i++)
    if (g_str_equal (kind, item_ids[i]))
      k = (int) i;
  if (k < 0 || field == NULL || (k != FW_ITEM_WORKBOOK && id == NULL) ||
      !json_object_has_member (object, "ours") || !json_object_has_member (object, "theirs"))
    return NULL;
  /* A merge never leaves these: they merge by themselves (the later time, once
   * revealed stays revealed). */
  if (g_str_equal (field, "made") || g_str_equal (field, "modified") ||
      g_str_equal (field, "revealed"))
    return NULL;
  if (*field != '\0')
    {
      const FwField *f = fw_field_find (k, field);

      /* Both values must be ones the field can hold: resolving sets one. */
      if (f == NULL || !field_accepts (f, json_object_get_member (object, "ours")) ||
          !field_accepts (f, json_object_get_member (object, "theirs")))
        return NULL;
    }
  else if (k == FW_ITEM_WORKBOOK ||
           !node_holds (json_object_get_member (object, "ours"), G_TYPE_BOOLEAN) ||
           !node_holds (json_object_get_member (object, "theirs"), G_TYPE_BOOLEAN))
    return NULL;

  conflict = g_new0 (FwConflict, 1);
  conflict->kind = k;
  conflict->id = g_strdup (id ? id : "");
  conflict->field = g_strdup (field);
  if (k == FW_ITEM_ASSESSMENT)
    {
      const char *member = string_member (object, "member");

      if (member == NULL)
        return NULL;
      conflict->member_id = g_strdup (member);
    }
  if (json_object_has_member (object, "base"))
    {
      const FwField *f = *field ? fw_field_find (k, field) : NULL;
      JsonNode *base = json_object_get_member (object, "base");

      if (f ? field_accepts (f, base) : node_holds (base, G_TYPE_BOOLEAN))
        conflict->base = json_node_copy (base);
    }
  conflict->ours = json_node_copy (json_object_get_member (object, "ours"));
  conflict->theirs = json_node_copy (json_object_get_member (object, "theirs"));
  conflict->ours_from = g_strdup (string_member (object, "ours_from"));
  conflict->theirs_from = g_strdup (string_member (object, "theirs_from"));
  if (conflict->ours_from == NULL)
    conflict->ours_from = g_strdup ("");
  if (conflict->theirs_from == NULL)
    conflict->theirs_from = g_strdup ("");
  return g_steal_pointer (&conflict);
}

static JsonNode *
conflict_to_json (const FwConflict *conflict)
{
  g_autoptr(JsonObject) object = json_object_new ();   /* the node takes a reference */

  json_object_set_string_member (object, "item", item_ids[conflict->kind]);
  if (conflict->kind != FW_ITEM_WORKBOOK)
    json_object_set_string_member (object, "id", conflict->id);
  if (conflict->member_id)
    json_object_set_string_member (object, "member", conflict->member_id);
  json_object_set_string_member (object, "field", conflict->field);
  if (conflict->base)
    json_object_set_member (object, "base", json_node_copy (conflict->base));
  json_object_set_member (object, "ours", json_node_copy (conflict->ours));
  json_object_set_member (object, "theirs", json_node_copy (conflict->theirs));
  json_object_set_string_member (object, "ours_from", conflict->ours_from ? conflict->ours_from : "");
  json_object_set_string_member (object, "theirs_from",
                                 conflict->theirs_from ? conflict->theirs_from : "");
  return json_node_init_object (json_node_alloc (), object);
}

GPtrArray *
fw_workbook_dup_conflicts (FwWorkbook *workbook)
{
  GPtrArray *conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_conflict_free);
  JsonObject *extra;
  JsonNode *node;

  g_return_val_if_fail (FW_IS_WORKBOOK (workbook), conflicts);

  extra = fw_workbook_get_extra (workbook);
  node = extra ? json_object_get_member (extra, CONFLICTS_MEMBER) : NULL;
  if (node && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          FwConflict *conflict = conflict_from_json (json_array_get_element (array, i));

          if (conflict)
            g_ptr_array_add (conflicts, conflict);
        }
    }
  return conflicts;
}

guint
fw_workbook_count_conflicts (FwWorkbook *workbook)
{
  g_autoptr(GPtrArray) conflicts = fw_workbook_dup_conflicts (workbook);

  return conflicts->len;
}

void
fw_workbook_set_conflicts (FwWorkbook *workbook,
                           GPtrArray  *conflicts)
{
  JsonObject *old;
  g_autoptr(JsonObject) extra = NULL;

  g_return_if_fail (FW_IS_WORKBOOK (workbook));

  /* The extra object may be shared with copies of the workbook: a new one. */
  old = fw_workbook_get_extra (workbook);
  extra = old ? fw_json_object_copy (old) : json_object_new ();
  if (json_object_has_member (extra, CONFLICTS_MEMBER))
    json_object_remove_member (extra, CONFLICTS_MEMBER);
  if (conflicts && conflicts->len)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < conflicts->len; i++)
        json_array_add_element (array, conflict_to_json (g_ptr_array_index (conflicts, i)));
      json_object_set_array_member (extra, CONFLICTS_MEMBER, array);
    }
  if (old == NULL && json_object_get_size (extra) == 0)
    return;
  fw_workbook_set_extra (workbook, json_object_get_size (extra) ? extra : NULL);
  g_signal_emit_by_name (workbook, "changed");
}

static gboolean
remove_item (FwWorkbook       *workbook,
             const FwConflict *conflict)
{
  guint position = 0;

  switch (conflict->kind)
    {
    case FW_ITEM_CASE:
      if (!fw_workbook_find_case (workbook, conflict->id, &position))
        return FALSE;
      fw_workbook_remove_case (workbook, position);
      return TRUE;
    case FW_ITEM_IDEA:
      if (!fw_workbook_find_idea (workbook, conflict->id, &position))
        return FALSE;
      fw_workbook_remove_idea (workbook, position);
      return TRUE;
    case FW_ITEM_MEMBER:
      if (!fw_workbook_find_member (workbook, conflict->id, &position))
        return FALSE;
      fw_workbook_remove_member (workbook, position);
      return TRUE;
    case FW_ITEM_ASSESSMENT:
      {
        FwIdea *idea = fw_workbook_find_idea (workbook, conflict->id, NULL);

        if (idea == NULL || !fw_idea_find_assessment (idea, conflict->member_id, &position))
          return FALSE;
        fw_idea_remove_assessment (idea, position);
        return TRUE;
      }
    case FW_ITEM_WORKBOOK:
    case FW_N_ITEMS:
    default:
      return FALSE;
    }
}

/* Whether a member still has assessments in @workbook (then it stays). */
static gboolean
member_assessed (FwWorkbook *workbook,
                 const char *member_id)
{
  for (guint i = 0; i < fw_workbook_get_n_ideas (workbook); i++)
    if (fw_idea_find_assessment (fw_workbook_get_idea (workbook, i), member_id, NULL))
      return TRUE;
  return FALSE;
}

gboolean
fw_workbook_resolve_conflict (FwWorkbook   *workbook,
                              guint         index,
                              FwResolution  resolution,
                              JsonNode     *value,
                              GError      **error)
{
  g_autoptr(GPtrArray) conflicts = fw_workbook_dup_conflicts (workbook);
  FwConflict *conflict;
  JsonNode *chosen;
  GObject *item;

  g_return_val_if_fail (FW_IS_WORKBOOK (workbook), FALSE);

  if (index >= conflicts->len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No such conflict"));
      return FALSE;
    }
  conflict = g_ptr_array_index (conflicts, index);
  chosen = resolution == FW_RESOLVE_OURS ? conflict->ours
           : resolution == FW_RESOLVE_THEIRS ? conflict->theirs : value;
  item = fw_item_find (workbook, conflict->kind, conflict->id, conflict->member_id);

  if (*conflict->field == '\0')
    {
      gboolean keep = node_holds (chosen, G_TYPE_BOOLEAN) && json_node_get_boolean (chosen);

      if (!node_holds (chosen, G_TYPE_BOOLEAN))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Keep or delete the item"));
          return FALSE;
        }
      if (!keep && item != NULL)
        {
          if (conflict->kind == FW_ITEM_MEMBER && member_assessed (workbook, conflict->id))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The member still has assessments in the workbook"));
              return FALSE;
            }
          remove_item (workbook, conflict);
        }
    }
  else
    {
      const FwField *field = fw_field_find (conflict->kind, conflict->field);

      /* What it was about is gone (deleted since): nothing is left to choose. */
      if (item == NULL)
        ;
      else if (field == NULL || !fw_field_set (field, item, chosen))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("That value does not fit “%s”"),
                       fw_field_label (conflict->kind, conflict->field));
          return FALSE;
        }
    }
  g_ptr_array_remove_index (conflicts, index);
  fw_workbook_set_conflicts (workbook, conflicts);
  return TRUE;
}

/* ------------------------------------------------------------------ merge */

typedef struct
{
  const char *ours_from;
  const char *theirs_from;
  gboolean    two_way;
  GPtrArray  *conflicts;   /* FwConflict, the new ones */
  JsonNode   *yes;         /* a whole item's conflict's values */
  JsonNode   *no;
} Merge;

static void
add_conflict (Merge      *merge,
              FwItemKind  kind,
              const char *id,
              const char *member_id,
              const char *field,
              JsonNode   *base,
              JsonNode   *ours,
              JsonNode   *theirs)
{
  FwConflict *conflict = g_new0 (FwConflict, 1);

  conflict->kind = kind;
  conflict->id = g_strdup (id ? id : "");
  conflict->member_id = g_strdup (member_id);
  conflict->field = g_strdup (field);
  conflict->base = base ? json_node_copy (base) : NULL;
  conflict->ours = json_node_copy (ours);
  conflict->theirs = json_node_copy (theirs);
  conflict->ours_from = g_strdup (merge->ours_from);
  conflict->theirs_from = g_strdup (merge->theirs_from);
  g_ptr_array_add (merge->conflicts, conflict);
}

static gboolean
strv_node_has (JsonNode   *node,
               const char *text)
{
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), text) == 0)
      return TRUE;
  return FALSE;
}

/* Links as a set: each link added on a side is added, each removed is removed. */
static JsonNode *
merge_links (JsonNode *base,
             JsonNode *ours,
             JsonNode *theirs)
{
  g_autoptr(JsonArray) result = json_array_new ();   /* the node takes a reference */
  JsonArray *o = json_node_get_array (ours);
  JsonArray *t = json_node_get_array (theirs);

  for (guint i = 0; i < json_array_get_length (o); i++)
    {
      const char *link = json_array_get_string_element (o, i);

      if (strv_node_has (theirs, link) || !strv_node_has (base, link))
        json_array_add_string_element (result, link);
    }
  for (guint i = 0; i < json_array_get_length (t); i++)
    {
      const char *link = json_array_get_string_element (t, i);

      if (!strv_node_has (ours, link) && !strv_node_has (base, link))
        json_array_add_string_element (result, link);
    }
  return json_node_init_array (json_node_alloc (), result);
}

static JsonObject *
merge_extra (JsonObject *base,
             JsonObject *ours,
             JsonObject *theirs,
             gboolean    two_way)
{
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) o = NULL;
  g_autoptr(JsonNode) t = NULL;

  if (ours == theirs)
    return ours;
  b = base ? json_node_init_object (json_node_alloc (), base) : NULL;
  o = ours ? json_node_init_object (json_node_alloc (), ours) : NULL;
  t = theirs ? json_node_init_object (json_node_alloc (), theirs) : NULL;

  /* Members Flywheel does not know: ours, unless only theirs changed them. */
  if (!two_way && fw_json_node_same (b, o) && !fw_json_node_same (o, t))
    return theirs;
  return ours;
}

/* Field by field into @result (a copy of @ours). Values are compared as they are;
 * JSON is made only of a conflict's values and of links to merge. */
static void
merge_fields (Merge      *merge,
              FwItemKind  kind,
              const char *id,
              const char *member_id,
              GObject    *base,
              GObject    *ours,
              GObject    *theirs,
              GObject    *result)
{
  guint n = 0;
  const FwField *fields = fw_fields_of (kind, &n);

  for (guint i = 0; i < n; i++)
    {
      const FwField *field = &fields[i];
      g_auto(GValue) b = G_VALUE_INIT;
      g_auto(GValue) o = G_VALUE_INIT;
      g_auto(GValue) t = G_VALUE_INIT;

      field_value (field, ours, &o);
      field_value (field, theirs, &t);
      if (values_same (&o, &t))
        continue;
      /* Times: the later; a reveal: once revealed stays revealed. */
      if ((kind == FW_ITEM_WORKBOOK && g_str_equal (field->name, "modified")) ||
          (kind == FW_ITEM_ASSESSMENT && g_str_equal (field->name, "made")))
        {
          if (g_strcmp0 (g_value_get_string (&t), g_value_get_string (&o)) > 0)
            set_value (field, result, &t);
          continue;
        }
      if (field->pspec == NULL)
        {
          set_value (field, result, g_value_get_boolean (&o) ? &o : &t);
          continue;
        }
      if (base)
        field_value (field, base, &b);
      if (base != NULL && values_same (&b, &o))
        set_value (field, result, &t);
      else if (base != NULL && values_same (&b, &t))
        ;
      else
        {
          g_autoptr(JsonNode) bj = base ? value_to_json (field, &b) : NULL;
          g_autoptr(JsonNode) oj = value_to_json (field, &o);
          g_autoptr(JsonNode) tj = value_to_json (field, &t);

          if (base != NULL && field->pspec->value_type == G_TYPE_STRV)
            {
              g_autoptr(JsonNode) links = merge_links (bj, oj, tj);
              fw_field_set (field, result, links);
            }
          else
            add_conflict (merge, kind, id, member_id, field->name, bj, oj, tj);
        }
    }
}

/* The order of a merged list of items: the side that moved its items gives the
 * order (ours when both did), and each item the other side has alone follows the
 * item it follows there. @keep: ids in the result. Returns ids (borrowed). */
static GPtrArray *
merge_order (GPtrArray  *base,
             GPtrArray  *ours,
             GPtrArray  *theirs,
             GHashTable *keep)
{
  GHashTable *in_ours = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *in_theirs = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *placed = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *result = g_ptr_array_new ();
  GPtrArray *primary = ours, *secondary = theirs;
  gboolean theirs_moved = FALSE;

  for (guint i = 0; i < ours->len; i++)
    g_hash_table_add (in_ours, ours->pdata[i]);
  for (guint i = 0; i < theirs->len; i++)
    g_hash_table_add (in_theirs, theirs->pdata[i]);

  if (base != NULL)
    {
      /* Did theirs reorder the items all three have? */
      g_autoptr(GPtrArray) b = g_ptr_array_new ();
      g_autoptr(GPtrArray) t = g_ptr_array_new ();
      g_autoptr(GPtrArray) o = g_ptr_array_new ();
      GHashTable *in_base = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < base->len; i++)
        g_hash_table_add (in_base, base->pdata[i]);
      for (guint i = 0; i < base->len; i++)
        if (g_hash_table_contains (in_ours, base->pdata[i]) &&
            g_hash_table_contains (in_theirs, base->pdata[i]))
          g_ptr_array_add (b, base->pdata[i]);
      for (guint i = 0; i < theirs->len; i++)
        if (g_hash_table_contains (in_base, theirs->pdata[i]) &&
            g_hash_table_contains (in_ours, theirs->pdata[i]))
          g_ptr_array_add (t, theirs->pdata[i]);
      for (guint i = 0; i < ours->len; i++)
        if (g_hash_table_contains (in_base, ours->pdata[i]) &&
            g_hash_table_contains (in_theirs, ours->pdata[i]))
          g_ptr_array_add (o, ours->pdata[i]);
      for (guint i = 0; i < b->len && !theirs_moved; i++)
        theirs_moved = !g_str_equal (b->pdata[i], t->pdata[i]);
      if (theirs_moved)
        {
          gboolean ours_moved = FALSE;

          for (guint i = 0; i < b->len && !ours_moved; i++)
            ours_moved = !g_str_equal (b->pdata[i], o->pdata[i]);
          if (!ours_moved)
            {
              primary = theirs;
              secondary = ours;
            }
        }
      g_hash_table_unref (in_base);
    }

  for (guint i = 0; i < primary->len; i++)
    if (g_hash_table_contains (keep, primary->pdata[i]))
      {
        g_ptr_array_add (result, primary->pdata[i]);
        g_hash_table_add (placed, primary->pdata[i]);
      }
  /* The other side's own items, each after the one it follows there. */
  for (guint i = 0; i < secondary->len; i++)
    {
      const char *id = secondary->pdata[i];
      guint at = 0;

      if (g_hash_table_contains (placed, id) || !g_hash_table_contains (keep, id))
        continue;
      for (guint j = i; j > 0; j--)
        {
          const char *before = secondary->pdata[j - 1];

          if (g_hash_table_contains (placed, before))
            {
              guint k;

              g_ptr_array_find_with_equal_func (result, before, g_str_equal, &k);
              at = k + 1;
              break;
            }
        }
      g_ptr_array_insert (result, at, (gpointer) id);
      g_hash_table_add (placed, (gpointer) id);
    }

  g_hash_table_unref (in_ours);
  g_hash_table_unref (in_theirs);
  g_hash_table_unref (placed);
  return result;
}

static GObject *
copy_item (FwItemKind  kind,
           GObject    *item)
{
  switch (kind)
    {
    case FW_ITEM_CASE: return G_OBJECT (fw_case_copy (FW_CASE (item)));
    case FW_ITEM_IDEA: return G_OBJECT (fw_idea_copy (FW_IDEA (item)));
    case FW_ITEM_MEMBER: return G_OBJECT (fw_member_copy (FW_MEMBER (item)));
    case FW_ITEM_ASSESSMENT:
      return G_OBJECT (fw_member_assessment_copy (FW_MEMBER_ASSESSMENT (item)));
    case FW_ITEM_WORKBOOK:
    case FW_N_ITEMS:
    default: g_return_val_if_reached (NULL);
    }
}

static JsonObject *
item_extra (FwItemKind  kind,
            GObject    *item)
{
  if (item == NULL)
    return NULL;
  switch (kind)
    {
    case FW_ITEM_CASE: return fw_case_get_extra (FW_CASE (item));
    case FW_ITEM_IDEA: return fw_idea_get_extra (FW_IDEA (item));
    case FW_ITEM_MEMBER: return fw_member_get_extra (FW_MEMBER (item));
    case FW_ITEM_ASSESSMENT: return fw_member_assessment_get_extra (FW_MEMBER_ASSESSMENT (item));
    case FW_ITEM_WORKBOOK:
    case FW_N_ITEMS:
    default: return NULL;
    }
}

static void
set_item_extra (FwItemKind  kind,
                GObject    *item,
                JsonObject *extra)
{
  switch (kind)
    {
    case FW_ITEM_CASE: fw_case_set_extra (FW_CASE (item), extra); break;
    case FW_ITEM_IDEA: fw_idea_set_extra (FW_IDEA (item), extra); break;
    case FW_ITEM_MEMBER: fw_member_set_extra (FW_MEMBER (item), extra); break;
    case FW_ITEM_ASSESSMENT:
      fw_member_assessment_set_extra (FW_MEMBER_ASSESSMENT (item), extra);
      break;
    case FW_ITEM_WORKBOOK:
    case FW_N_ITEMS:
    default: break;
    }
}

gboolean
fw_items_equal (FwItemKind  kind,
                GObject    *a,
                GObject    *b)
{
  switch (kind)
    {
    case FW_ITEM_CASE: return fw_case_equal (FW_CASE (a), FW_CASE (b));
    case FW_ITEM_IDEA: return fw_idea_equal (FW_IDEA (a), FW_IDEA (b));
    case FW_ITEM_MEMBER: return fw_member_equal (FW_MEMBER (a), FW_MEMBER (b));
    case FW_ITEM_ASSESSMENT:
      return fw_member_assessment_equal (FW_MEMBER_ASSESSMENT (a), FW_MEMBER_ASSESSMENT (b));
    case FW_ITEM_WORKBOOK:
    case FW_N_ITEMS:
    default: return FALSE;
    }
}

GHashTable *
fw_items_index (FwWorkbook *workbook,
                FwItemKind  kind,
                FwIdea     *idea,
                GPtrArray  *order)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = workbook || idea ? fw_items_count (workbook, kind, idea) : 0;

  for (guint i = 0; i < n; i++)
    {
      GObject *item = fw_items_get (workbook, kind, idea, i);
      const char *key = fw_item_key (kind, item);

      if (g_hash_table_contains (table, key))
        continue;
      g_hash_table_insert (table, (gpointer) key, item);
      g_ptr_array_add (order, (gpointer) key);
    }
  return table;
}

/* Whether an assessment of @idea keeps members this version does not know. */
static gboolean
assessments_have_extra (FwIdea *idea)
{
  for (guint i = 0; i < fw_idea_get_n_assessments (idea); i++)
    {
      g_autoptr(FwMemberAssessment) assessment =
        g_list_model_get_item (fw_idea_get_assessments (idea), i);

      if (fw_member_assessment_get_extra (assessment))
        return TRUE;
    }
  return FALSE;
}

static void merge_assessments (Merge  *merge,
                               FwIdea *base,
                               FwIdea *ours,
                               FwIdea *theirs,
                               FwIdea *result);

/* One merged item; @base/@ours/@theirs may each be missing. NULL: not kept. */
static GObject *
merge_item (Merge      *merge,
            FwItemKind  kind,
            const char *id,
            const char *key,
            GObject    *base,
            GObject    *ours,
            GObject    *theirs)
{
  const char *member_id = kind == FW_ITEM_ASSESSMENT ? key : NULL;
  const char *item_id = kind == FW_ITEM_ASSESSMENT ? id : key;
  JsonNode *yes = merge->yes, *no = merge->no;
  GObject *result;

  if (ours && theirs)
    {
      /* Most items are the same on both sides: then ours, as merging each field
       * would give (its assessments' unknown members aside). */
      gboolean same = fw_items_equal (kind, ours, theirs);

      result = copy_item (kind, ours);
      if (!same)
        merge_fields (merge, kind, item_id, member_id, base, ours, theirs, result);
      set_item_extra (kind, result, merge_extra (item_extra (kind, base), item_extra (kind, ours),
                                                 item_extra (kind, theirs), merge->two_way));
      if (kind == FW_ITEM_IDEA && (!same || assessments_have_extra (FW_IDEA (ours)) ||
                                   assessments_have_extra (FW_IDEA (theirs))))
        merge_assessments (merge, FW_IDEA (base), FW_IDEA (ours), FW_IDEA (theirs),
                           FW_IDEA (result));
      return result;
    }
  if (ours)
    {
      if (merge->two_way)
        add_conflict (merge, kind, item_id, member_id, "", NULL, yes, no);
      else if (base && fw_items_equal (kind, base, ours))
        return NULL;   /* theirs deleted it, ours left it alone */
      else if (base)
        add_conflict (merge, kind, item_id, member_id, "", yes, yes, no);
      return copy_item (kind, ours);
    }
  if (theirs)
    {
      if (merge->two_way)
        add_conflict (merge, kind, item_id, member_id, "", NULL, no, yes);
      else if (base && fw_items_equal (kind, base, theirs))
        return NULL;   /* ours deleted it, theirs left it alone */
      else if (base)
        add_conflict (merge, kind, item_id, member_id, "", yes, no, yes);
      return copy_item (kind, theirs);
    }
  return NULL;   /* both deleted it */
}

/* Merges one list of items; returns the merged items in order (new references). */
static GPtrArray *
merge_list (Merge      *merge,
            FwItemKind  kind,
            const char *id,        /* the idea's, for assessments */
            FwWorkbook *base,
            FwWorkbook *ours,
            FwWorkbook *theirs,
            FwIdea     *base_idea,
            FwIdea     *ours_idea,
            FwIdea     *theirs_idea)
{
  g_autoptr(GPtrArray) b_order = g_ptr_array_new ();
  g_autoptr(GPtrArray) o_order = g_ptr_array_new ();
  g_autoptr(GPtrArray) t_order = g_ptr_array_new ();
  gboolean assessments = kind == FW_ITEM_ASSESSMENT;
  GHashTable *b = (assessments ? base_idea != NULL : base != NULL)
                  ? fw_items_index (base, kind, base_idea, b_order) : NULL;
  GHashTable *o = fw_items_index (ours, kind, ours_idea, o_order);
  GHashTable *t = fw_items_index (theirs, kind, theirs_idea, t_order);
  g_autoptr(GHashTable) merged = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         g_object_unref);
  g_autoptr(GPtrArray) order = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *sides[] = { o_order, t_order };

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    for (guint i = 0; i < sides[s]->len; i++)
      {
        const char *key = sides[s]->pdata[i];
        GObject *item;

        if (g_hash_table_contains (merged, key))
          continue;
        item = merge_item (merge, kind, id, key, b ? g_hash_table_lookup (b, key) : NULL,
                           g_hash_table_lookup (o, key), g_hash_table_lookup (t, key));
        if (item)
          g_hash_table_insert (merged, (gpointer) key, item);
      }

  order = merge_order (b ? b_order : NULL, o_order, t_order, merged);
  for (guint i = 0; i < order->len; i++)
    g_ptr_array_add (result, g_object_ref (g_hash_table_lookup (merged, order->pdata[i])));

  g_clear_pointer (&b, g_hash_table_unref);
  g_hash_table_unref (o);
  g_hash_table_unref (t);
  return result;
}

static void
merge_assessments (Merge  *merge,
                   FwIdea *base,
                   FwIdea *ours,
                   FwIdea *theirs,
                   FwIdea *result)
{
  g_autoptr(GPtrArray) merged = NULL;

  if (fw_idea_get_n_assessments (ours) == 0 && fw_idea_get_n_assessments (theirs) == 0)
    return;
  merged = merge_list (merge, FW_ITEM_ASSESSMENT, fw_idea_get_id (ours), NULL, NULL, NULL,
                       base, ours, theirs);
  while (fw_idea_get_n_assessments (result) > 0)
    fw_idea_remove_assessment (result, 0);
  for (guint i = 0; i < merged->len; i++)
    fw_idea_set_assessment (result, merged->pdata[i]);
}

/* A member whose assessments stay in the merged workbook stays too (the file needs it),
 * in its place: after the member it follows on its side. When a side had deleted it, it
 * is marked as kept (field ""), so that deletion is not lost unseen; resolving it for
 * the deletion waits until its assessments are gone. */
static void
keep_assessed_members (Merge      *merge,
                       FwWorkbook *base,
                       FwWorkbook *ours,
                       FwWorkbook *theirs,
                       GPtrArray  *members,   /* FwMember, the merged ones so far */
                       GPtrArray  *ideas)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *yes = merge->yes, *no = merge->no;

  for (guint i = 0; i < members->len; i++)
    g_hash_table_add (present, (gpointer) fw_member_get_id (members->pdata[i]));
  for (guint i = 0; i < ideas->len; i++)
    {
      FwIdea *idea = ideas->pdata[i];

      for (guint j = 0; j < fw_idea_get_n_assessments (idea); j++)
        {
          g_autoptr(FwMemberAssessment) assessment =
            g_list_model_get_item (fw_idea_get_assessments (idea), j);
          const char *member_id = fw_member_assessment_get_member_id (assessment);
          FwWorkbook *sides[] = { ours, theirs, base };
          FwWorkbook *from = NULL;
          FwMember *member = NULL;
          FwMember *copy;
          guint position = 0, at = 0;

          if (g_hash_table_contains (present, member_id))
            continue;
          for (guint s = 0; s < G_N_ELEMENTS (sides) && member == NULL; s++)
            if (sides[s] && (member = fw_workbook_find_member (sides[s], member_id, &position)))
              from = sides[s];
          if (member == NULL)
            continue;
          for (guint k = position; k > 0; k--)
            {
              const char *before = fw_member_get_id (fw_workbook_get_member (from, k - 1));

              if (g_hash_table_contains (present, before))
                {
                  for (at = 0; at < members->len; at++)
                    if (g_str_equal (fw_member_get_id (members->pdata[at]), before))
                      break;
                  at++;
                  break;
                }
            }
          copy = fw_member_copy (member);
          g_ptr_array_insert (members, at, copy);
          g_hash_table_add (present, (gpointer) fw_member_get_id (copy));
          add_conflict (merge, FW_ITEM_MEMBER, member_id, NULL, "",
                        base && fw_workbook_find_member (base, member_id, NULL) ? yes : NULL,
                        fw_workbook_find_member (ours, member_id, NULL) ? yes : no,
                        fw_workbook_find_member (theirs, member_id, NULL) ? yes : no);
        }
    }
}

static char *
conflict_key (const FwConflict *conflict)
{
  return g_strdup_printf ("%d\x1f%s\x1f%s\x1f%s", conflict->kind, conflict->id,
                          conflict->member_id ? conflict->member_id : "", conflict->field);
}

/* Whether @kept already offers both values @found offers. */
static gboolean
conflict_covers (const FwConflict *kept,
                 const FwConflict *found)
{
  return (fw_json_node_same (kept->ours, found->ours) ||
          fw_json_node_same (kept->theirs, found->ours)) &&
         (fw_json_node_same (kept->ours, found->theirs) ||
          fw_json_node_same (kept->theirs, found->theirs));
}

/* Adds the conflicts this merge found to those the sides kept (@conflicts), one per
 * field: merging a side in again finds the conflicts it left, and those are not new (a
 * whole item kept and deleted, the sides the other way round, included); a field whose
 * kept conflict a side has since moved on from gets the new one in its place. Returns
 * how many are new. */
static guint
add_new_conflicts (GPtrArray *conflicts,
                   GPtrArray *found)
{
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_new = 0;

  for (guint i = 0; i < conflicts->len; i++)
    g_hash_table_insert (kept, conflict_key (conflicts->pdata[i]), GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < found->len; i++)
    {
      FwConflict *conflict = found->pdata[i];
      g_autofree char *key = conflict_key (conflict);
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (kept, key));

      if (at > 0 && conflict_covers (conflicts->pdata[at - 1], conflict))
        continue;
      n_new++;
      if (at > 0)
        {
          fw_conflict_free (conflicts->pdata[at - 1]);
          conflicts->pdata[at - 1] = fw_conflict_copy (conflict);
        }
      else
        g_ptr_array_add (conflicts, fw_conflict_copy (conflict));
    }
  return n_new;
}

static FwConflict *
swapped (const FwConflict *conflict)
{
  FwConflict *copy = fw_conflict_copy (conflict);
  JsonNode *node = copy->ours;
  char *from = copy->ours_from;

  copy->ours = copy->theirs;
  copy->theirs = node;
  copy->ours_from = copy->theirs_from;
  copy->theirs_from = from;
  return copy;
}

static GPtrArray *
merge_kept_conflicts (FwWorkbook *base,
                      GPtrArray  *ours,
                      GPtrArray  *theirs)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_conflict_free);
  g_autoptr(GHashTable) in_base = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) in_ours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) in_theirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  g_autoptr(GHashTable) placed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) base_kept = base ? fw_workbook_dup_conflicts (base) : NULL;

  for (guint i = 0; base_kept && i < base_kept->len; i++)
    g_hash_table_add (in_base, conflict_key (base_kept->pdata[i]));
  for (guint i = 0; i < ours->len; i++)
    g_hash_table_add (in_ours, conflict_key (ours->pdata[i]));
  for (guint i = 0; i < theirs->len; i++)
    g_hash_table_add (in_theirs, conflict_key (theirs->pdata[i]));

  for (guint i = 0; i < ours->len; i++)
    {
      char *key = conflict_key (ours->pdata[i]);

      /* Theirs resolved it: the value they chose comes in with the fields. */
      if ((g_hash_table_contains (in_base, key) && !g_hash_table_contains (in_theirs, key)) ||
          g_hash_table_contains (placed, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (placed, key);
      g_ptr_array_add (result, fw_conflict_copy (ours->pdata[i]));
    }
  for (guint i = 0; i < theirs->len; i++)
    {
      char *key = conflict_key (theirs->pdata[i]);

      if ((g_hash_table_contains (in_base, key) && !g_hash_table_contains (in_ours, key)) ||
          g_hash_table_contains (placed, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (placed, key);
      g_ptr_array_add (result, swapped (theirs->pdata[i]));
    }
  return result;
}

/* A kept conflict's "ours" is what the merged workbook holds now (when that is
 * theirs too, nothing is left to choose); one about an item no longer there is gone
 * with it. (A whole-item conflict's item is always in the workbook that keeps it.) */
static void
refresh_kept_conflicts (FwWorkbook *result,
                        GPtrArray  *conflicts)
{
  for (guint i = conflicts->len; i > 0; i--)
    {
      FwConflict *conflict = conflicts->pdata[i - 1];
      GObject *item = fw_item_find (result, conflict->kind, conflict->id, conflict->member_id);
      const FwField *field = *conflict->field ? fw_field_find (conflict->kind, conflict->field)
                                              : NULL;

      if (item == NULL)
        {
          g_ptr_array_remove_index (conflicts, i - 1);
          continue;
        }
      if (field == NULL)
        continue;
      g_clear_pointer (&conflict->ours, json_node_unref);
      conflict->ours = fw_field_get (field, item);
      if (fw_json_node_same (conflict->ours, conflict->theirs))
        g_ptr_array_remove_index (conflicts, i - 1);
    }
}

static char *
describe_side (FwWorkbook *workbook)
{
  const char *author = fw_workbook_get_text (workbook, FW_WORKBOOK_AUTHOR);
  const char *modified = fw_workbook_get_text (workbook, FW_WORKBOOK_MODIFIED);
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (modified, NULL);
  g_autofree char *time = NULL;

  /* When it was saved, as a person reads it: "2026-12-01 10:00" (UTC: the same on
   * every computer the file goes to). */
  if (when)
    time = g_date_time_format (when, "%Y-%m-%d %H:%M UTC");
  else
    time = g_strdup (modified);
  if (*author && *time)
    return g_strdup_printf ("%s, %s", author, time);
  return g_strdup (*author ? author : time);
}

static gboolean
same_workbook (FwWorkbook *a,
               FwWorkbook *b)
{
  g_autofree char *a_identity = NULL;
  g_autofree char *b_identity = NULL;

  if (!fw_workbook_has_identity (a) || !fw_workbook_has_identity (b))
    return TRUE;
  a_identity = fw_workbook_dup_identity (a);
  b_identity = fw_workbook_dup_identity (b);
  return g_strcmp0 (a_identity, b_identity) == 0;
}

FwWorkbook *
fw_merge (FwWorkbook  *base,
          FwWorkbook  *ours,
          FwWorkbook  *theirs,
          const char  *ours_from,
          const char  *theirs_from,
          guint       *n_conflicts,
          GError     **error)
{
  g_autofree char *ours_side = NULL;
  g_autofree char *theirs_side = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) ideas = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) theirs_kept = NULL;
  g_autoptr(JsonObject) extra = NULL;
  JsonObject *chosen_extra;
  FwWorkbook *result;
  Merge merge = { 0 };
  guint n_new;

  g_return_val_if_fail (base == NULL || FW_IS_WORKBOOK (base), NULL);
  g_return_val_if_fail (FW_IS_WORKBOOK (ours) && FW_IS_WORKBOOK (theirs), NULL);

  /* Copies of one workbook share its identity (an id, or one derived from its
   * creation time, as collecting checks); a file with neither cannot tell. */
  if (!same_workbook (ours, theirs))
    {
      g_set_error (error, FW_MERGE_ERROR, FW_MERGE_ERROR_OTHER_WORKBOOK,
                   _("The copies are of two different workbooks, “%s” and “%s”"),
                   fw_workbook_get_title (ours), fw_workbook_get_title (theirs));
      return NULL;
    }
  if (base != NULL && !same_workbook (ours, base))
    {
      g_set_error (error, FW_MERGE_ERROR, FW_MERGE_ERROR_OTHER_BASE,
                   _("The common version is of another workbook, “%s”"),
                   fw_workbook_get_title (base));
      return NULL;
    }

  ours_side = ours_from ? g_strdup (ours_from) : describe_side (ours);
  theirs_side = theirs_from ? g_strdup (theirs_from) : describe_side (theirs);
  merge.ours_from = ours_side;
  merge.theirs_from = theirs_side;
  merge.two_way = base == NULL;
  merge.conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_conflict_free);
  merge.yes = json_node_init_boolean (json_node_alloc (), TRUE);
  merge.no = json_node_init_boolean (json_node_alloc (), FALSE);

  result = fw_workbook_new ();
  for (guint i = 0; i < FW_N_WORKBOOK_TEXTS; i++)
    fw_workbook_set_text (result, i, fw_workbook_get_text (ours, i));
  merge_fields (&merge, FW_ITEM_WORKBOOK, NULL, NULL, base ? G_OBJECT (base) : NULL,
                G_OBJECT (ours), G_OBJECT (theirs), G_OBJECT (result));
  if (fw_workbook_get_id (ours) || fw_workbook_get_id (theirs))
    fw_workbook_set_id (result, fw_workbook_get_id (ours) ? fw_workbook_get_id (ours)
                                                          : fw_workbook_get_id (theirs));

  members = merge_list (&merge, FW_ITEM_MEMBER, NULL, base, ours, theirs, NULL, NULL, NULL);
  cases = merge_list (&merge, FW_ITEM_CASE, NULL, base, ours, theirs, NULL, NULL, NULL);
  ideas = merge_list (&merge, FW_ITEM_IDEA, NULL, base, ours, theirs, NULL, NULL, NULL);

  keep_assessed_members (&merge, base, ours, theirs, members, ideas);
  for (guint i = 0; i < members->len; i++)
    fw_workbook_append_member (result, members->pdata[i]);
  fw_workbook_splice (result, (FwCase **) cases->pdata, cases->len,
                      (FwIdea **) ideas->pdata, ideas->len);

  /* Unknown members, without the conflicts (merged below). */
  chosen_extra = merge_extra (base ? fw_workbook_get_extra (base) : NULL,
                              fw_workbook_get_extra (ours), fw_workbook_get_extra (theirs),
                              merge.two_way);
  if (chosen_extra)
    {
      extra = fw_json_object_copy (chosen_extra);
      if (json_object_has_member (extra, CONFLICTS_MEMBER))
        json_object_remove_member (extra, CONFLICTS_MEMBER);
      if (json_object_get_size (extra))
        fw_workbook_set_extra (result, extra);
    }

  /* The conflicts the sides kept, merged three-way by what they are about: one a
   * side resolved (it had it in the base and no longer) is resolved; one either
   * kept stays, theirs' with the sides swapped (their "ours" is our "theirs"),
   * each once. Then the new ones, which replace a kept one on the same field. */
  kept = fw_workbook_dup_conflicts (ours);
  theirs_kept = fw_workbook_dup_conflicts (theirs);
  conflicts = merge_kept_conflicts (base, kept, theirs_kept);
  n_new = add_new_conflicts (conflicts, merge.conflicts);
  refresh_kept_conflicts (result, conflicts);
  fw_workbook_set_conflicts (result, conflicts);

  if (n_conflicts)
    *n_conflicts = n_new;
  g_ptr_array_unref (merge.conflicts);
  json_node_unref (merge.yes);
  json_node_unref (merge.no);
  return result;
}
