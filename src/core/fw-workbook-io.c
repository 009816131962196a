/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include <string.h>

#include "fw-json.h"
#include "fw-workbook-io.h"

/* The known members of each object, in the order they are written (docs/file-format.md).
 * What a loaded object holds beyond these is kept in the item's "extra" object, which
 * mirrors the file: unknown members as they were, and for a known nested object (story,
 * stages[i], conditions.X, …) an object of that object's unknown members. */
static const char * const top_members[] = {
  "format", "version", "title", "product", "author", "created", "modified", "cases", "ideas",
  NULL
};
static const char * const case_members[] = {
  "id", "name", "summary", "problem", "solution", "impact", "link", "task", "whys", NULL
};
static const char * const idea_members[] = {
  "id", "title", "story", "customer", "use_case", "task", "applicability", "stages",
  "conditions", "questions", "priority", "notes", "event_storming_url", "case_ids", NULL
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

G_DEFINE_QUARK (fw-workbook-error-quark, fw_workbook_error)

static gboolean
is_known (const char * const *known,
          const char         *name)
{
  for (guint i = 0; known[i]; i++)
    if (g_str_equal (known[i], name))
      return TRUE;
  return FALSE;
}

typedef gboolean (*KnownFunc) (const char    *name,
                               gconstpointer  data);

static gboolean
in_list (const char    *name,
         gconstpointer  list)
{
  return is_known (list, name);
}

static gboolean
is_condition_id (const char    *name,
                 gconstpointer  data)
{
  FwCondition c;

  return fw_condition_from_id (name, &c);
}

static gboolean
is_question_id (const char    *name,
                gconstpointer  data)
{
  FwQuestion q;

  return fw_question_from_id (name, &q);
}

/* Loading */

typedef struct
{
  const char *name;   /* the file, for messages */
  GString    *place;  /* where we are: "ideas[3].stages[1]" */
} Loader;

static gsize
place_push (Loader     *loader,
            const char *member)
{
  gsize len = loader->place->len;

  if (len > 0)
    g_string_append_c (loader->place, '.');
  g_string_append (loader->place, member);
  return len;
}

static gsize
place_push_index (Loader *loader,
                  guint   index)
{
  gsize len = loader->place->len;
  char digits[16];
  guint n = 0;

  /* Not g_string_append_printf(): this runs for every array element of a load, and
   * printf took a tenth of the time of loading a large workbook. */
  do
    digits[n++] = (char) ('0' + index % 10);
  while ((index /= 10) > 0);
  g_string_append_c (loader->place, '[');
  while (n > 0)
    g_string_append_c (loader->place, digits[--n]);
  g_string_append_c (loader->place, ']');
  return len;
}

static void
place_pop (Loader *loader,
           gsize   len)
{
  g_string_truncate (loader->place, len);
}

static void
fail (Loader     *loader,
      GError    **error,
      int         code,
      const char *what)
{
  if (loader->place->len > 0)
    g_set_error (error, FW_WORKBOOK_ERROR, code, "%s: %s: %s",
                 loader->name, loader->place->str, what);
  else
    g_set_error (error, FW_WORKBOOK_ERROR, code, "%s: %s", loader->name, what);
}

static const char *
node_kind (const FwJsonValue *node)
{
  switch (node->type)
    {
    case FW_JSON_OBJECT:
      return _("an object");
    case FW_JSON_ARRAY:
      return _("an array");
    case FW_JSON_NULL:
      return _("null");
    case FW_JSON_STRING:
      return _("a string");
    case FW_JSON_BOOLEAN:
      return _("a boolean");
    case FW_JSON_INTEGER:
    case FW_JSON_DOUBLE:
    default:
      return _("a number");
    }
}

/* Reports @node as not being @expected (an "a string"-style phrase). */
static gboolean
fail_type (Loader             *loader,
           GError            **error,
           const char         *member,
           const char         *expected,
           const FwJsonValue  *node)
{
  /* TRANSLATORS: e.g. "expected a string, found a number" */
  g_autofree char *what = g_strdup_printf (_("expected %s, found %s"), expected,
                                           node_kind (node));
  gsize len = member ? place_push (loader, member) : loader->place->len;

  fail (loader, error, FW_WORKBOOK_ERROR_INVALID, what);
  place_pop (loader, len);
  return FALSE;
}

/* A missing member leaves *@out untouched, so it keeps its default. */
static gboolean
read_string (Loader             *loader,
             const FwJsonValue  *object,
             const char         *member,
             const char        **out,
             GError            **error)
{
  const FwJsonValue *node = fw_json_object_get (object, member);

  if (node == NULL)
    return TRUE;
  if (node->type != FW_JSON_STRING)
    return fail_type (loader, error, member, _("a string"), node);
  *out = node->string;
  return TRUE;
}

/* An object or an array (@type), or NULL in *@out when the member is missing. */
static gboolean
read_container (Loader             *loader,
                const FwJsonValue  *object,
                const char         *member,
                FwJsonType          type,
                const FwJsonValue **out,
                GError            **error)
{
  const FwJsonValue *node = fw_json_object_get (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (node->type != type)
    return fail_type (loader, error, member,
                      type == FW_JSON_OBJECT ? _("an object") : _("an array"), node);
  *out = node;
  return TRUE;
}

static gboolean
read_object (Loader             *loader,
             const FwJsonValue  *object,
             const char         *member,
             const FwJsonValue **out,
             GError            **error)
{
  return read_container (loader, object, member, FW_JSON_OBJECT, out, error);
}

static gboolean
read_array (Loader             *loader,
            const FwJsonValue  *object,
            const char         *member,
            const FwJsonValue **out,
            GError            **error)
{
  return read_container (loader, object, member, FW_JSON_ARRAY, out, error);
}

/* Called only for a message: building the list each time cost a few percent of a load. */
typedef const char *(*IdsListFunc) (void);

/* Enum ids are the nicks of the registered GEnum types (fw-enums.c). */
static gboolean
enum_from_node (Loader             *loader,
                const FwJsonValue  *node,
                const char         *member,
                GType               type,
                IdsListFunc         ids_list,
                guint              *out,
                GError            **error)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autofree char *expected = NULL;
  GEnumValue *value;

  if (node == NULL)
    return TRUE;

  klass = g_type_class_ref (type);
  if (node->type == FW_JSON_STRING)
    {
      value = g_enum_get_value_by_nick (klass, node->string);
      if (value != NULL)
        {
          *out = (guint) value->value;
          return TRUE;
        }
    }

  /* TRANSLATORS: %s is a list of ids, "none, thematic, opinions, …" */
  expected = g_strdup_printf (_("one of %s"), ids_list ());
  if (node->type == FW_JSON_STRING)
    {
      const char *id = node->string;
      g_autofree char *found = g_strdup (id);
      g_autofree char *what = NULL;
      gsize len;

      /* Shortened so a long value cannot flood the message. (Checked first, because
       * g_utf8_substring() reads past the end of a shorter string.) */
      if (g_utf8_strlen (id, -1) > 40)
        {
          g_autofree char *start = g_utf8_substring (id, 0, 40);

          g_free (found);
          found = g_strconcat (start, "…", NULL);
        }
      /* TRANSLATORS: e.g. "expected one of yes, no, found “perhaps”" */
      what = g_strdup_printf (_("expected %s, found “%s”"), expected, found);
      len = member ? place_push (loader, member) : loader->place->len;

      fail (loader, error, FW_WORKBOOK_ERROR_INVALID, what);
      place_pop (loader, len);
      return FALSE;
    }
  return fail_type (loader, error, member, expected, node);
}

static gboolean
read_enum (Loader             *loader,
           const FwJsonValue  *object,
           const char         *member,
           GType               type,
           IdsListFunc         ids_list,
           guint              *out,
           GError            **error)
{
  return enum_from_node (loader, fw_json_object_get (object, member), member, type,
                         ids_list, out, error);
}

static void
add_member (JsonObject        *object,
            const char        *name,
            const FwJsonValue *node)
{
  json_object_set_member (object, name, fw_json_value_to_node (node));
}

/* Copies the members of @object that @known does not claim into a new object, or
 * returns NULL. */
static JsonObject *
other_members (const FwJsonValue *object,
               KnownFunc          known,
               gconstpointer      data)
{
  JsonObject *extra = NULL;

  for (guint i = 0; i < object->n; i++)
    {
      const FwJsonMember *member = &object->members[i];

      if (known (member->name, data) || !fw_json_object_is_final (object, i))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      add_member (extra, member->name, &member->value);
    }
  return extra;
}

/* The members of @object not in @known. */
static JsonObject *
unknown_members (const FwJsonValue  *object,
                 const char * const *known)
{
  return other_members (object, in_list, known);
}

/* Adds @nested (an object of unknown members, taken) to @extra as @member. */
static JsonObject *
keep_nested (JsonObject *extra,
             const char *member,
             JsonObject *nested)
{
  if (nested == NULL)
    return extra;
  if (extra == NULL)
    extra = json_object_new ();
  json_object_set_object_member (extra, member, nested);
  return extra;
}

static gboolean
read_id (Loader             *loader,
         const FwJsonValue  *object,
         GHashTable         *seen,
         const char         *list,
         guint               index,
         const char        **id,
         GError            **error)
{
  gpointer first;

  *id = NULL;
  if (!read_string (loader, object, "id", id, error))
    return FALSE;
  if (*id == NULL || **id == '\0')
    {
      *id = NULL;  /* the new item's own fresh UUID stays */
      return TRUE;
    }
  if (g_hash_table_lookup_extended (seen, *id, NULL, &first))
    {
      /* TRANSLATORS: e.g. "the id “1234…” is already used by ideas[2]" */
      g_autofree char *what = g_strdup_printf (_("the id “%s” is already used by %s[%u]"),
                                               *id, list, GPOINTER_TO_UINT (first));
      gsize len = place_push (loader, "id");

      fail (loader, error, FW_WORKBOOK_ERROR_INVALID, what);
      place_pop (loader, len);
      return FALSE;
    }
  g_hash_table_insert (seen, (gpointer) *id, GUINT_TO_POINTER (index));
  return TRUE;
}

static gboolean
fail_count (Loader      *loader,
            GError     **error,
            const char  *member,
            guint        found)
{
  /* TRANSLATORS: an array that must have four entries (one per stage) has another number */
  g_autofree char *what = g_strdup_printf (_("expected exactly 4 entries, found %u"), found);
  gsize len = place_push (loader, member);

  fail (loader, error, FW_WORKBOOK_ERROR_INVALID, what);
  place_pop (loader, len);
  return FALSE;
}

static FwCase *
load_case (Loader             *loader,
           const FwJsonValue  *node,
           GHashTable         *seen,
           guint               index,
           GError            **error)
{
  g_autoptr(FwCase) item = fw_case_new ();
  g_autoptr(JsonObject) extra = NULL;
  const FwJsonValue *object = node;
  const FwJsonValue *whys = NULL;
  const char *id;
  guint task = FW_TASK_UNDECIDED;

  if (node->type != FW_JSON_OBJECT)
    return fail_type (loader, error, NULL, _("an object"), node), NULL;

  g_object_freeze_notify (G_OBJECT (item));
  if (!read_id (loader, object, seen, "cases", index, &id, error))
    goto out;
  if (id != NULL)
    fw_case_set_text (item, FW_CASE_ID, id);

  for (guint i = 0; i < G_N_ELEMENTS (case_texts); i++)
    {
      const char *text = "";

      if (!read_string (loader, object, case_texts[i].member, &text, error))
        goto out;
      fw_case_set_text (item, case_texts[i].field, text);
    }

  if (!read_enum (loader, object, "task", FW_TYPE_TASK, fw_task_ids_list, &task, error))
    goto out;
  fw_case_set_task (item, task);

  if (!read_array (loader, object, "whys", &whys, error))
    goto out;
  if (whys != NULL)
    {
      gsize len;

      if (whys->n != FW_N_STAGES)
        {
          fail_count (loader, error, "whys", whys->n);
          goto out;
        }
      len = place_push (loader, "whys");
      for (guint s = 0; s < FW_N_STAGES; s++)
        {
          const FwJsonValue *why = &whys->elements[s];

          if (why->type != FW_JSON_STRING)
            {
              gsize len2 = place_push_index (loader, s);

              fail_type (loader, error, NULL, _("a string"), why);
              place_pop (loader, len2);
              place_pop (loader, len);
              goto out;
            }
          fw_case_set_why (item, s, why->string);
        }
      place_pop (loader, len);
    }

  extra = unknown_members (object, case_members);
  fw_case_set_extra (item, extra);
  g_object_thaw_notify (G_OBJECT (item));
  return g_steal_pointer (&item);

out:
  g_object_thaw_notify (G_OBJECT (item));
  return NULL;
}

static gboolean
load_idea_texts (Loader              *loader,
                 const FwJsonValue   *object,
                 FwIdea              *item,
                 const char * const  *members,
                 const FwIdeaText    *fields,
                 GError             **error)
{
  for (guint i = 0; members[i]; i++)
    {
      const char *text = "";

      if (!read_string (loader, object, members[i], &text, error))
        return FALSE;
      fw_idea_set_text (item, fields[i], text);
    }
  return TRUE;
}

/* story, use_case: an object of strings. */
static gboolean
load_idea_text_object (Loader              *loader,
                       const FwJsonValue   *object,
                       const char          *member,
                       FwIdea              *item,
                       const char * const  *members,
                       const FwIdeaText    *fields,
                       JsonObject         **extra,
                       GError             **error)
{
  const FwJsonValue *nested;
  gsize len;
  gboolean ok;

  if (!read_object (loader, object, member, &nested, error))
    return FALSE;
  if (nested == NULL)
    return TRUE;
  len = place_push (loader, member);
  ok = load_idea_texts (loader, nested, item, members, fields, error);
  place_pop (loader, len);
  if (ok)
    *extra = keep_nested (*extra, member, unknown_members (nested, members));
  return ok;
}

static gboolean
load_stages (Loader             *loader,
             const FwJsonValue  *object,
             FwIdea             *item,
             JsonObject        **extra,
             GError            **error)
{
  g_autoptr(JsonArray) kept = NULL;
  const FwJsonValue *stages;
  gboolean any_unknown = FALSE;
  gsize len;

  if (!read_array (loader, object, "stages", &stages, error))
    return FALSE;
  if (stages == NULL)
    return TRUE;
  if (stages->n != FW_N_STAGES)
    return fail_count (loader, error, "stages", stages->n);

  kept = json_array_sized_new (FW_N_STAGES);
  len = place_push (loader, "stages");
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      const FwJsonValue *node = &stages->elements[s];
      gsize len2 = place_push_index (loader, s);
      const FwJsonValue *stage = node;
      JsonObject *unknown;
      const char *why = "";
      guint id = s;
      guint evidence = FW_EVIDENCE_NONE;

      if (node->type != FW_JSON_OBJECT)
        return fail_type (loader, error, NULL, _("an object"), node);

      if (!read_enum (loader, stage, "stage", FW_TYPE_STAGE, fw_stage_ids_list, &id, error))
        return FALSE;
      if (id != s)
        {
          /* TRANSLATORS: the stages must come in their fixed order */
          g_autofree char *what = g_strdup_printf (_("expected %s, found %s (the stages "
                                                     "must be in the order %s)"),
                                                   fw_stage_to_id (s), fw_stage_to_id (id),
                                                   fw_stage_ids_list ());
          place_push (loader, "stage");
          fail (loader, error, FW_WORKBOOK_ERROR_INVALID, what);
          return FALSE;
        }
      if (!read_string (loader, stage, "why", &why, error) ||
          !read_enum (loader, stage, "evidence", FW_TYPE_EVIDENCE, fw_evidence_ids_list,
                      &evidence, error))
        return FALSE;
      fw_idea_set_why (item, s, why);
      fw_idea_set_evidence (item, s, evidence);

      unknown = unknown_members (stage, stage_members);
      any_unknown |= unknown != NULL;
      json_array_add_object_element (kept, unknown ? unknown : json_object_new ());
      place_pop (loader, len2);
    }
  place_pop (loader, len);

  if (any_unknown)
    {
      if (*extra == NULL)
        *extra = json_object_new ();
      json_object_set_array_member (*extra, "stages", g_steal_pointer (&kept));
    }
  return TRUE;
}

static gboolean
load_conditions (Loader             *loader,
                 const FwJsonValue  *object,
                 FwIdea             *item,
                 JsonObject        **extra,
                 GError            **error)
{
  const FwJsonValue *conditions;
  JsonObject *kept;
  gsize len;

  if (!read_object (loader, object, "conditions", &conditions, error))
    return FALSE;
  if (conditions == NULL)
    return TRUE;

  len = place_push (loader, "conditions");
  kept = json_object_new ();
  *extra = keep_nested (*extra, "conditions", kept);
  for (guint c = 0; c < FW_N_CONDITIONS; c++)
    {
      const char *id = fw_condition_to_id (c);
      const FwJsonValue *condition;
      const FwJsonValue *ticked;
      const char *note = "";
      gsize len2;

      if (!read_object (loader, conditions, id, &condition, error))
        return FALSE;
      if (condition == NULL)
        continue;
      len2 = place_push (loader, id);
      ticked = fw_json_object_get (condition, "ticked");
      if (ticked != NULL && ticked->type != FW_JSON_BOOLEAN)
        return fail_type (loader, error, "ticked", _("true or false"), ticked);
      if (!read_string (loader, condition, "note", &note, error))
        return FALSE;
      fw_idea_set_condition (item, c, ticked ? ticked->boolean : FALSE);
      fw_idea_set_condition_note (item, c, note);
      place_pop (loader, len2);
    }
  place_pop (loader, len);

  /* Conditions a newer version knows are kept whole; the known ones keep only their
   * unknown members. */
  {
    for (guint i = 0; i < conditions->n; i++)
      {
        const FwJsonMember *member = &conditions->members[i];
        FwCondition c;

        if (!fw_json_object_is_final (conditions, i))
          continue;
        if (!fw_condition_from_id (member->name, &c))
          add_member (kept, member->name, &member->value);
        else
          {
            /* An object: read_object() above checked it. */
            JsonObject *unknown = unknown_members (&member->value, condition_members);

            if (unknown)
              json_object_set_object_member (kept, member->name, unknown);
          }
      }
  }
  if (json_object_get_size (kept) == 0)
    json_object_remove_member (*extra, "conditions");
  return TRUE;
}

static gboolean
load_questions (Loader             *loader,
                const FwJsonValue  *object,
                FwIdea             *item,
                JsonObject        **extra,
                GError            **error)
{
  const FwJsonValue *questions;
  gsize len;

  if (!read_object (loader, object, "questions", &questions, error))
    return FALSE;
  if (questions == NULL)
    return TRUE;

  len = place_push (loader, "questions");
  for (guint q = 0; q < FW_N_QUESTIONS; q++)
    {
      guint answer = FW_ANSWER_UNANSWERED;

      if (!read_enum (loader, questions, fw_question_to_id (q), FW_TYPE_ANSWER,
                      fw_answer_ids_list, &answer, error))
        return FALSE;
      fw_idea_set_answer (item, q, answer);
    }
  place_pop (loader, len);

  *extra = keep_nested (*extra, "questions", other_members (questions, is_question_id, NULL));
  return TRUE;
}

static gboolean
load_priority (Loader             *loader,
               const FwJsonValue  *object,
               FwIdea             *item,
               JsonObject        **extra,
               GError            **error)
{
  const FwJsonValue *priority;
  const char *text;
  gsize len;

  if (!read_object (loader, object, "priority", &priority, error))
    return FALSE;
  if (priority == NULL)
    return TRUE;

  len = place_push (loader, "priority");
  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    {
      guint level = FW_LEVEL_UNSET;

      text = "";
      if (!read_enum (loader, priority, priorities[i].level, FW_TYPE_LEVEL,
                      fw_level_ids_list, &level, error) ||
          !read_string (loader, priority, priorities[i].reason, &text, error))
        return FALSE;
      fw_idea_set_priority (item, priorities[i].which, level);
      fw_idea_set_text (item, priorities[i].reason_field, text);
    }
  text = "";
  if (!read_string (loader, priority, "concerns", &text, error))
    return FALSE;
  fw_idea_set_text (item, FW_IDEA_CONCERNS, text);
  text = "";
  if (!read_string (loader, priority, "blockers", &text, error))
    return FALSE;
  fw_idea_set_text (item, FW_IDEA_BLOCKERS, text);
  place_pop (loader, len);

  *extra = keep_nested (*extra, "priority", unknown_members (priority, priority_members));
  return TRUE;
}

static gboolean
load_case_ids (Loader             *loader,
               const FwJsonValue  *object,
               FwIdea             *item,
               GError            **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  const FwJsonValue *array;
  guint n;
  gsize len;

  if (!read_array (loader, object, "case_ids", &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  n = array->n;
  ids = g_ptr_array_sized_new (n + 1);
  len = place_push (loader, "case_ids");
  for (guint i = 0; i < n; i++)
    {
      const FwJsonValue *node = &array->elements[i];

      if (node->type != FW_JSON_STRING)
        {
          place_push_index (loader, i);
          return fail_type (loader, error, NULL, _("a string"), node);
        }
      g_ptr_array_add (ids, (gpointer) node->string);
    }
  place_pop (loader, len);
  g_ptr_array_add (ids, NULL);
  fw_idea_set_case_ids (item, (const char * const *) ids->pdata);
  return TRUE;
}

static const char * const idea_top_texts[] = {
  "title", "customer", "notes", "event_storming_url", NULL
};
static const FwIdeaText idea_top_fields[] = {
  FW_IDEA_TITLE, FW_IDEA_CUSTOMER, FW_IDEA_NOTES, FW_IDEA_EVENT_STORMING_URL
};
static const FwIdeaText story_fields[] = { FW_IDEA_AS_A, FW_IDEA_I_WANT, FW_IDEA_SO_THAT };
static const FwIdeaText use_case_fields[] = { FW_IDEA_INPUT_DATA, FW_IDEA_OUTPUT_DATA };

static gboolean
load_idea_members (Loader             *loader,
                   const FwJsonValue  *object,
                   FwIdea             *item,
                   GHashTable         *seen,
                   guint               index,
                   JsonObject        **extra,
                   GError            **error)
{
  const char *id;
  guint task = FW_TASK_UNDECIDED;
  guint applicability = FW_APPLICABILITY_UNKNOWN;

  if (!read_id (loader, object, seen, "ideas", index, &id, error))
    return FALSE;
  if (id != NULL)
    fw_idea_set_text (item, FW_IDEA_ID, id);

  if (!load_idea_texts (loader, object, item, idea_top_texts, idea_top_fields, error) ||
      !load_idea_text_object (loader, object, "story", item, story_members, story_fields,
                              extra, error) ||
      !load_idea_text_object (loader, object, "use_case", item, use_case_members,
                              use_case_fields, extra, error))
    return FALSE;

  if (!read_enum (loader, object, "task", FW_TYPE_TASK, fw_task_ids_list, &task, error) ||
      !read_enum (loader, object, "applicability", FW_TYPE_APPLICABILITY,
                  fw_applicability_ids_list, &applicability, error))
    return FALSE;
  fw_idea_set_task (item, task);
  fw_idea_set_applicability (item, applicability);

  return load_stages (loader, object, item, extra, error) &&
         load_conditions (loader, object, item, extra, error) &&
         load_questions (loader, object, item, extra, error) &&
         load_priority (loader, object, item, extra, error) &&
         load_case_ids (loader, object, item, error);
}

static FwIdea *
load_idea (Loader             *loader,
           const FwJsonValue  *node,
           GHashTable         *seen,
           guint               index,
           GError            **error)
{
  g_autoptr(FwIdea) item = fw_idea_new ();
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(JsonObject) unknown = NULL;
  const FwJsonValue *object = node;
  gboolean ok;

  if (node->type != FW_JSON_OBJECT)
    return fail_type (loader, error, NULL, _("an object"), node), NULL;

  /* One "changed" per idea rather than one per field. */
  g_object_freeze_notify (G_OBJECT (item));
  ok = load_idea_members (loader, object, item, seen, index, &extra, error);
  g_object_thaw_notify (G_OBJECT (item));
  if (!ok)
    return NULL;

  /* The nested objects' unknowns came first; the idea's own follow in file order. The
   * order of the two groups does not matter: saving looks nested ones up by name. */
  unknown = unknown_members (object, idea_members);
  if (unknown != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (unknown);

      if (extra == NULL)
        extra = json_object_new ();
      for (GList *l = names; l; l = l->next)
        json_object_set_member (extra, l->data,
                                json_node_ref (json_object_get_member (unknown, l->data)));
    }
  fw_idea_set_extra (item, extra);
  return g_steal_pointer (&item);
}

/* Counts nesting without parsing, so that too deep a file gets a message naming the
 * limit (the parser recurses once per level and stops at a deeper one only to keep
 * its stack safe). Returns the offset where the limit is passed, or -1.
 * Strings are skipped with memchr(): this pass and the UTF-8 check ran at a sixth of
 * the parse time on a large workbook, byte by byte. */
static gssize
find_too_deep (const char *data,
               gsize       length)
{
  const char *p = data, *end = data + length;
  guint depth = 0;

  while (p < end)
    {
      char c = *p;

      if (c == '"')
        {
          /* The closing quote: one not escaped by an odd run of backslashes. */
          for (;;)
            {
              const char *q = memchr (p + 1, '"', (gsize) (end - p - 1));
              const char *b;

              if (q == NULL)
                return -1;  /* unclosed: the parser says where */
              for (b = q; b > p + 1 && b[-1] == '\\'; b--)
                ;
              p = q;
              if ((q - b) % 2 == 0)
                break;
            }
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > FW_WORKBOOK_MAX_DEPTH)
            return (gssize) (p - data);
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
      p++;
    }
  return -1;
}

/* g_utf8_validate_len() with a fast path for ASCII, most of a workbook: each run of
 * non-ASCII bytes is checked on its own, which gives the same answer and the same
 * end, since no multi-byte sequence contains an ASCII byte. */
static gboolean
validate_utf8 (const char  *data,
               gsize        length,
               const char **end)
{
  const guchar *p = (const guchar *) data, *stop = p + length;

  while (p < stop)
    {
      const guchar *run;
      const char *run_end;

      while (p < stop && *p != 0 && *p < 0x80)
        p++;
      if (p == stop)
        break;
      if (*p == 0)
        {
          *end = (const char *) p;
          return FALSE;
        }
      for (run = p; p < stop && *p >= 0x80; p++)
        ;
      if (!g_utf8_validate_len ((const char *) run, (gsize) (p - run), &run_end))
        {
          *end = run_end;
          return FALSE;
        }
    }
  *end = (const char *) stop;
  return TRUE;
}

static void
line_and_column (const char *data,
                 gsize       offset,
                 guint      *line,
                 guint      *column)
{
  const char *start = data;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        (*line)++;
        start = data + i + 1;
      }
  *column = (guint) (data + offset - start) + 1;
}

static void
fail_too_large (Loader   *loader,
                guint64   size,
                GError  **error)
{
  /* TRANSLATORS: "the file is too large: 67108865 bytes, and Flywheel reads at most 64 MiB" */
  /* The count goes in as text: xgettext cannot see through G_GUINT64_FORMAT. */
  g_autofree char *bytes = g_strdup_printf ("%" G_GUINT64_FORMAT, size);
  g_autofree char *what = g_strdup_printf (_("the file is too large: %s bytes, and Flywheel "
                                             "reads at most %u MiB"),
                                           bytes, FW_WORKBOOK_MAX_SIZE / (1024 * 1024));

  fail (loader, error, FW_WORKBOOK_ERROR_TOO_LARGE, what);
}

static gboolean
check_bytes (Loader      *loader,
             const char  *data,
             gsize        length,
             GError     **error)
{
  g_autofree char *what = NULL;
  const char *end;
  gssize deep;
  guint line, column;

  if (length > FW_WORKBOOK_MAX_SIZE)
    {
      fail_too_large (loader, length, error);
      return FALSE;
    }

  if (!validate_utf8 (data, length, &end))
    {
      line_and_column (data, end - data, &line, &column);
      /* TRANSLATORS: the file has bytes that are not UTF-8 text (or NUL bytes) */
      what = g_strdup_printf (_("line %u, column %u: not UTF-8 text"), line, column);
      fail (loader, error, FW_WORKBOOK_ERROR_NOT_UTF8, what);
      return FALSE;
    }

  deep = find_too_deep (data, length);
  if (deep >= 0)
    {
      line_and_column (data, deep, &line, &column);
      what = g_strdup_printf (_("line %u, column %u: nested more than %u levels deep"),
                              line, column, FW_WORKBOOK_MAX_DEPTH);
      fail (loader, error, FW_WORKBOOK_ERROR_TOO_DEEP, what);
      return FALSE;
    }
  return TRUE;
}

/* The parser says "<data>:LINE:COLUMN: what is wrong" (as JsonParser does); keep its
 * words, use our name. */
static void
fail_syntax (Loader     *loader,
             GError     *parse_error,
             GError    **error)
{
  const char *message = parse_error->message;
  g_autofree char *what = NULL;
  char *p;
  guint64 line, column;

  if (g_str_has_prefix (message, "<data>:"))
    {
      message += strlen ("<data>:");
      line = g_ascii_strtoull (message, &p, 10);
      if (*p == ':')
        {
          column = g_ascii_strtoull (p + 1, &p, 10);
          if (g_str_has_prefix (p, ": "))
            {
              what = g_strdup_printf (_("line %u, column %u: not valid JSON: %s"),
                                      (guint) line, (guint) column, p + 2);
              fail (loader, error, FW_WORKBOOK_ERROR_SYNTAX, what);
              return;
            }
        }
    }
  what = g_strdup_printf (_("not valid JSON: %s"), parse_error->message);
  fail (loader, error, FW_WORKBOOK_ERROR_SYNTAX, what);
}

static gboolean
load_header (Loader             *loader,
             const FwJsonValue  *root,
             GError            **error)
{
  const FwJsonValue *object = root;
  const FwJsonValue *node;
  gint64 version;
  gsize len;

  if (root == NULL)
    {
      fail (loader, error, FW_WORKBOOK_ERROR_NOT_WORKBOOK,
            _("the file is empty, not a Flywheel workbook"));
      return FALSE;
    }
  if (root->type != FW_JSON_OBJECT)
    {
      /* TRANSLATORS: %s is "an array", "a string", … */
      g_autofree char *what = g_strdup_printf (_("not a Flywheel workbook: expected a JSON "
                                                 "object, found %s"), node_kind (root));
      fail (loader, error, FW_WORKBOOK_ERROR_NOT_WORKBOOK, what);
      return FALSE;
    }

  node = fw_json_object_get (object, "format");
  if (node == NULL || node->type != FW_JSON_STRING ||
      !g_str_equal (node->string, FW_WORKBOOK_FORMAT))
    {
      len = place_push (loader, "format");
      fail (loader, error, FW_WORKBOOK_ERROR_NOT_WORKBOOK,
            node == NULL ? _("missing, so this is not a Flywheel workbook")
                         : _("not “flywheel-workbook”, so this is not a Flywheel workbook"));
      place_pop (loader, len);
      return FALSE;
    }

  node = fw_json_object_get (object, "version");
  len = place_push (loader, "version");
  if (node == NULL)
    {
      fail (loader, error, FW_WORKBOOK_ERROR_INVALID,
            _("missing; a workbook must say which format version it uses"));
      return FALSE;
    }
  if (node->type != FW_JSON_INTEGER)
    return fail_type (loader, error, NULL, _("an integer"), node);
  version = node->integer;
  if (version > FW_WORKBOOK_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);
      g_autofree char *what =
        g_strdup_printf (_("the file was written by a newer Flywheel (format version %s); "
                           "this version reads version %d"),
                         number, FW_WORKBOOK_VERSION);
      fail (loader, error, FW_WORKBOOK_ERROR_NEWER_VERSION, what);
      return FALSE;
    }
  if (version < 1)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);
      g_autofree char *what = g_strdup_printf (_("expected %d, found %s"),
                                               FW_WORKBOOK_VERSION, number);
      fail (loader, error, FW_WORKBOOK_ERROR_INVALID, what);
      return FALSE;
    }
  place_pop (loader, len);
  return TRUE;
}

static FwWorkbook *
load_root (Loader             *loader,
           const FwJsonValue  *root,
           GError            **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) ideas = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonObject) extra = NULL;
  const char *texts[FW_N_WORKBOOK_TEXTS];
  FwWorkbook *workbook;
  const FwJsonValue *object = root;
  const FwJsonValue *array;

  if (!load_header (loader, root, error))
    return NULL;

  for (guint i = 0; i < FW_N_WORKBOOK_TEXTS; i++)
    {
      texts[i] = "";
      if (!read_string (loader, object, workbook_text_members[i], &texts[i], error))
        return NULL;
    }

  if (!read_array (loader, object, "cases", &array, error))
    return NULL;
  for (guint i = 0; array && i < array->n; i++)
    {
      gsize len = place_push (loader, "cases");
      FwCase *item;

      place_push_index (loader, i);
      item = load_case (loader, &array->elements[i], seen, i, error);
      if (item == NULL)
        return NULL;
      g_ptr_array_add (cases, item);
      place_pop (loader, len);
    }

  g_hash_table_remove_all (seen);
  if (!read_array (loader, object, "ideas", &array, error))
    return NULL;
  for (guint i = 0; array && i < array->n; i++)
    {
      gsize len = place_push (loader, "ideas");
      FwIdea *item;

      place_push_index (loader, i);
      item = load_idea (loader, &array->elements[i], seen, i, error);
      if (item == NULL)
        return NULL;
      g_ptr_array_add (ideas, item);
      place_pop (loader, len);
    }

  extra = unknown_members (object, top_members);

  workbook = fw_workbook_new ();
  for (guint i = 0; i < FW_N_WORKBOOK_TEXTS; i++)
    fw_workbook_set_text (workbook, i, texts[i]);
  fw_workbook_set_extra (workbook, extra);
  fw_workbook_splice (workbook, (FwCase **) cases->pdata, cases->len,
                      (FwIdea **) ideas->pdata, ideas->len);
  return workbook;
}

FwWorkbook *
fw_workbook_load_from_data (const char  *data,
                            gsize        length,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(GString) place = g_string_new (NULL);
  g_autoptr(GError) parse_error = NULL;
  Loader loader = { name ? name : _("workbook"), place };
  g_autoptr(FwJsonDocument) document = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_bytes (&loader, data ? data : "", length, error))
    return NULL;

  /* Editors on some systems add a byte-order mark; it carries no meaning in UTF-8. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  document = fw_json_parse (data ? data : "", length, &parse_error);
  if (document == NULL && parse_error != NULL)
    {
      fail_syntax (&loader, parse_error, error);
      return NULL;
    }
  return load_root (&loader, document ? fw_json_document_get_root (document) : NULL, error);
}

static char *
file_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  return path ? g_strdup (path) : g_file_get_parse_name (file);
}

void
fw_file_error_set (GError       **error,
                   const GError  *io_error,
                   const char    *name,
                   gboolean       saving)
{
  int code;

  g_return_if_fail (io_error != NULL);

  /* g_file_set_contents() reports in G_FILE_ERROR, about its temporary file. */
  if (io_error->domain == G_FILE_ERROR)
    code = g_io_error_from_file_error (io_error->code);
  else if (io_error->domain == G_IO_ERROR)
    code = io_error->code;
  else
    {
      g_set_error (error, io_error->domain, io_error->code, "%s: %s", name, io_error->message);
      return;
    }

  switch (code)
    {
    case G_IO_ERROR_NOT_FOUND:
      g_set_error (error, G_IO_ERROR, code, "%s: %s", name,
                   saving ? _("the folder does not exist") : _("no such file"));
      break;
    case G_IO_ERROR_PERMISSION_DENIED:
    case G_IO_ERROR_READ_ONLY:
      g_set_error (error, G_IO_ERROR, code, "%s: %s", name,
                   saving ? _("permission denied (the file or its folder is read-only)")
                          : _("permission denied"));
      break;
    case G_IO_ERROR_CANT_CREATE_BACKUP:
      g_set_error (error, G_IO_ERROR, code, "%s: %s", name,
                   _("could not make the backup copy (is the folder read-only?); "
                     "the file was not changed"));
      break;
    case G_IO_ERROR_IS_DIRECTORY:
      g_set_error (error, G_IO_ERROR, code, "%s: %s", name,
                   saving ? _("is a folder; give the name of a file to write")
                          : _("is a folder, not a file"));
      break;
    case G_IO_ERROR_NOT_DIRECTORY:
      g_set_error (error, G_IO_ERROR, code, "%s: %s", name,
                   _("part of the path is a file, not a folder"));
      break;
    case G_IO_ERROR_NO_SPACE:
      g_set_error (error, G_IO_ERROR, code, "%s: %s", name, _("the disk is full"));
      break;
    case G_IO_ERROR_WRONG_ETAG:
      g_set_error (error, G_IO_ERROR, code, "%s: %s", name,
                   _("the file was changed by another program since it was opened"));
      break;
    default:
      /* GFileError messages name the temporary file: say what failed instead. */
      if (io_error->domain == G_FILE_ERROR)
        g_set_error (error, G_IO_ERROR, code, "%s: %s", name,
                     saving ? _("could not be written") : _("could not be read"));
      else
        g_set_error (error, G_IO_ERROR, code, "%s: %s", name, io_error->message);
      break;
    }
}

FwWorkbook *
fw_workbook_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return fw_workbook_load_full (file, NULL, NULL, cancellable, error);
}

FwWorkbook *
fw_workbook_load_full (GFile         *file,
                       char         **etag,
                       gboolean      *writable,
                       GCancellable  *cancellable,
                       GError       **error)
{
  FwWorkbook *workbook;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) io_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = file_display_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &io_error);
  if (info == NULL)
    {
      fw_file_error_set (error, io_error, name, FALSE);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "%s: %s", name,
                   _("is a folder, not a workbook file"));
      return NULL;
    }
  /* A device or a pipe could be endless: only regular files are read. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "%s: %s", name,
                   _("not a regular file"));
      return NULL;
    }
  /* Refused before reading, so a huge file costs nothing. */
  if (g_file_info_get_size (info) > FW_WORKBOOK_MAX_SIZE)
    {
      g_autoptr(GString) place = g_string_new (NULL);
      Loader loader = { name, place };

      fail_too_large (&loader, g_file_info_get_size (info), error);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, etag, &io_error))
    {
      fw_file_error_set (error, io_error, name, FALSE);
      return NULL;
    }
  /* The size is checked again there: the file may have grown since the query. */
  workbook = fw_workbook_load_from_data (contents, length, name, error);
  if (workbook == NULL && etag)
    g_clear_pointer (etag, g_free);
  if (workbook && writable)
    *writable = !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE) ||
                g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE);
  return workbook;
}

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
  write_others (writer, extra, in_list, known);
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
  write_others (writer, conditions_extra, is_condition_id, NULL);
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
  write_others (writer, questions_extra, is_question_id, NULL);
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

static void
write_idea_cached (FwJsonWriter *writer,
                   FwIdea       *item)
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
  g_return_if_fail (writer->open->len == IDEA_DEPTH);
  fw_json_writer_raw (writer, NULL, g_bytes_get_data (cached->text, NULL),
                      g_bytes_get_size (cached->text));
}

/* Written straight from the model, in JSON-GLib's pretty layout (fw-json.h): building
 * a json-glib tree of a large workbook and generating from it took 0.7 s, which every
 * draft paid on the main thread. */
GBytes *
fw_workbook_to_bytes (FwWorkbook *self)
{
  GString *out;
  FwJsonWriter writer;
  guint n;

  g_return_val_if_fail (FW_IS_WORKBOOK (self), NULL);

  out = g_string_sized_new (4096 + 4096 * (gsize) fw_workbook_get_n_ideas (self));
  fw_json_writer_init (&writer, out);
  fw_json_writer_begin_object (&writer, NULL);
  fw_json_writer_string (&writer, "format", FW_WORKBOOK_FORMAT);
  fw_json_writer_int (&writer, "version", FW_WORKBOOK_VERSION);
  for (guint i = 0; i < FW_N_WORKBOOK_TEXTS; i++)
    fw_json_writer_string (&writer, workbook_text_members[i], fw_workbook_get_text (self, i));

  n = fw_workbook_get_n_cases (self);
  fw_json_writer_begin_array (&writer, "cases");
  for (guint i = 0; i < n; i++)
    write_case (&writer, fw_workbook_get_case (self, i));
  fw_json_writer_end_array (&writer);

  n = fw_workbook_get_n_ideas (self);
  fw_json_writer_begin_array (&writer, "ideas");
  for (guint i = 0; i < n; i++)
    write_idea_cached (&writer, fw_workbook_get_idea (self, i));
  fw_json_writer_end_array (&writer);

  write_unknown (&writer, fw_workbook_get_extra (self), top_members);
  fw_json_writer_end_object (&writer);
  fw_json_writer_clear (&writer);

  g_string_append_c (out, '\n');
  return g_string_free_to_bytes (out);
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
      name = file_display_name (file);
      fw_file_error_set (error, io_error, name, TRUE);
      return FALSE;
    }
  return TRUE;
}
