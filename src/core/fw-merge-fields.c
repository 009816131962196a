/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The fields of the model's items as GObject properties, and its items by kind:
 * what the merge, the conflicts, the diff and the text walk (fw-merge-private.h). */

#include "config.h"

#include "fw-merge-private.h"

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
void
fw_field_value (const FwField *field,
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

gboolean
fw_field_values_same (const GValue *a,
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

void
fw_field_set_value (const FwField *field,
                    GObject       *item,
                    const GValue  *value)
{
  GObject *owner = field_owner (field, item);

  if (field->pspec == NULL)
    fw_idea_set_revealed (FW_IDEA (owner), g_value_get_boolean (value));
  else
    g_object_set_property (owner, field->name, value);
}

JsonNode *
fw_field_value_to_json (const FwField *field,
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

  fw_field_value (field, item, &value);
  return fw_field_value_to_json (field, &value);
}

gboolean
fw_json_node_holds (JsonNode *node,
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
      if (!fw_json_node_holds (node, G_TYPE_STRING) ||
          !g_utf8_validate (json_node_get_string (node), -1, NULL) ||
          (strict && !text_fits (field, json_node_get_string (node))))
        return FALSE;
      g_value_set_string (value, json_node_get_string (node));
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      if (!fw_json_node_holds (node, G_TYPE_BOOLEAN))
        return FALSE;
      g_value_set_boolean (value, json_node_get_boolean (node));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (field->pspec)->enum_class;
      GEnumValue *ev;

      if (!fw_json_node_holds (node, G_TYPE_STRING))
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

          if (!fw_json_node_holds (element, G_TYPE_STRING))
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
gboolean
fw_field_accepts (const FwField *field,
                  JsonNode      *node)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (field->pspec == NULL)
    return fw_json_node_holds (node, G_TYPE_BOOLEAN);
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
      if (!fw_json_node_holds (node, G_TYPE_BOOLEAN))
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
  if (fw_json_node_holds (value, G_TYPE_BOOLEAN))
    return !json_node_get_boolean (value);
  if (fw_json_node_holds (value, G_TYPE_STRING))
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


GObject *
fw_item_copy (FwItemKind  kind,
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

JsonObject *
fw_item_get_extra (FwItemKind  kind,
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

void
fw_item_set_extra (FwItemKind  kind,
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
