/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"

#include "fw-json.h"
#include "fw-member-assessment.h"
#include "fw-workbook-io.h"
#include "fw-workbook-io-private.h"

/* Loading */

gsize
io_place_push (Loader     *loader,
               const char *member)
{
  gsize len = loader->place->len;

  if (len > 0)
    g_string_append_c (loader->place, '.');
  g_string_append (loader->place, member);
  return len;
}

gsize
io_place_push_index (Loader *loader,
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

void
io_place_pop (Loader *loader,
              gsize   len)
{
  g_string_truncate (loader->place, len);
}

void
io_fail (Loader     *loader,
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

const char *
io_node_kind (const FwJsonValue *node)
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
gboolean
io_fail_type (Loader             *loader,
              GError            **error,
              const char         *member,
              const char         *expected,
              const FwJsonValue  *node)
{
  /* TRANSLATORS: e.g. "expected a string, found a number" */
  g_autofree char *what = g_strdup_printf (_("expected %s, found %s"), expected,
                                           io_node_kind (node));
  gsize len = member ? io_place_push (loader, member) : loader->place->len;

  io_fail (loader, error, FW_WORKBOOK_ERROR_INVALID, what);
  io_place_pop (loader, len);
  return FALSE;
}

/* A missing member leaves *@out untouched, so it keeps its default. */
gboolean
io_read_string (Loader             *loader,
                const FwJsonValue  *object,
                const char         *member,
                const char        **out,
                GError            **error)
{
  const FwJsonValue *node = fw_json_object_get (object, member);

  if (node == NULL)
    return TRUE;
  if (node->type != FW_JSON_STRING)
    return io_fail_type (loader, error, member, _("a string"), node);
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
    return io_fail_type (loader, error, member,
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

gboolean
io_read_array (Loader             *loader,
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
      len = member ? io_place_push (loader, member) : loader->place->len;

      io_fail (loader, error, FW_WORKBOOK_ERROR_INVALID, what);
      io_place_pop (loader, len);
      return FALSE;
    }
  return io_fail_type (loader, error, member, expected, node);
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

/* The members of @object not in @known. Files list the known members in @known's
 * order, so each is looked for from just after the last one found: one comparison
 * each, where a search from the start made string comparisons a tenth of loading
 * 10,000 ideas. */
JsonObject *
io_unknown_members (const FwJsonValue  *object,
                    const char * const *known)
{
  JsonObject *extra = NULL;
  guint n_known = g_strv_length ((char **) known);
  guint next = 0;

  for (guint i = 0; i < object->n; i++)
    {
      const FwJsonMember *member = &object->members[i];
      gboolean found = FALSE;

      for (guint k = 0; k < n_known && !found; k++)
        {
          guint j = (next + k) % n_known;

          if (strcmp (known[j], member->name) == 0)
            {
              found = TRUE;
              next = j + 1;
            }
        }
      if (found || !fw_json_object_is_final (object, i))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      add_member (extra, member->name, &member->value);
    }
  return extra;
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
  if (!io_read_string (loader, object, "id", id, error))
    return FALSE;
  if (*id == NULL || **id == '\0')
    {
      g_autoptr(GChecksum) checksum = NULL;
      g_autofree char *text = NULL;
      guint8 digest[20];
      gsize length = sizeof digest;
      char *made;

      *id = NULL;  /* without a seed, the new item's own fresh UUID stays */
      if (loader->id_seed == NULL || loader->made_ids == NULL)
        return TRUE;
      /* A name-based UUID (version 5's layout) of the workbook, the list, the place. */
      text = g_strdup_printf ("flywheel-item:%s:%s:%u", loader->id_seed, list, index);
      checksum = g_checksum_new (G_CHECKSUM_SHA1);
      g_checksum_update (checksum, (const guchar *) text, -1);
      g_checksum_get_digest (checksum, digest, &length);
      digest[6] = (digest[6] & 0x0f) | 0x50;
      digest[8] = (digest[8] & 0x3f) | 0x80;
      made = g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                              "%02x%02x%02x%02x%02x%02x",
                              digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                              digest[6], digest[7], digest[8], digest[9], digest[10],
                              digest[11], digest[12], digest[13], digest[14], digest[15]);
      g_ptr_array_add (loader->made_ids, made);
      if (g_hash_table_contains (seen, made))
        return TRUE;   /* taken by an item that has it written: a random one, then */
      g_hash_table_insert (seen, made, GUINT_TO_POINTER (index));
      *id = made;
      return TRUE;
    }
  if (g_hash_table_lookup_extended (seen, *id, NULL, &first))
    {
      /* TRANSLATORS: e.g. "the id “1234…” is already used by ideas[2]" */
      g_autofree char *what = g_strdup_printf (_("the id “%s” is already used by %s[%u]"),
                                               *id, list, GPOINTER_TO_UINT (first));
      gsize len = io_place_push (loader, "id");

      io_fail (loader, error, FW_WORKBOOK_ERROR_INVALID, what);
      io_place_pop (loader, len);
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
  gsize len = io_place_push (loader, member);

  io_fail (loader, error, FW_WORKBOOK_ERROR_INVALID, what);
  io_place_pop (loader, len);
  return FALSE;
}

FwCase *
io_load_case (Loader             *loader,
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
    return io_fail_type (loader, error, NULL, _("an object"), node), NULL;

  g_object_freeze_notify (G_OBJECT (item));
  if (!read_id (loader, object, seen, "cases", index, &id, error))
    goto out;
  if (id != NULL)
    fw_case_set_text (item, FW_CASE_ID, id);

  for (guint i = 0; i < G_N_ELEMENTS (case_texts); i++)
    {
      const char *text = "";

      if (!io_read_string (loader, object, case_texts[i].member, &text, error))
        goto out;
      fw_case_set_text (item, case_texts[i].field, text);
    }

  if (!read_enum (loader, object, "task", FW_TYPE_TASK, fw_task_ids_list, &task, error))
    goto out;
  fw_case_set_task (item, task);

  if (!io_read_array (loader, object, "whys", &whys, error))
    goto out;
  if (whys != NULL)
    {
      gsize len;

      if (whys->n != FW_N_STAGES)
        {
          fail_count (loader, error, "whys", whys->n);
          goto out;
        }
      len = io_place_push (loader, "whys");
      for (guint s = 0; s < FW_N_STAGES; s++)
        {
          const FwJsonValue *why = &whys->elements[s];

          if (why->type != FW_JSON_STRING)
            {
              gsize len2 = io_place_push_index (loader, s);

              io_fail_type (loader, error, NULL, _("a string"), why);
              io_place_pop (loader, len2);
              io_place_pop (loader, len);
              goto out;
            }
          fw_case_set_why (item, s, why->string);
        }
      io_place_pop (loader, len);
    }

  extra = io_unknown_members (object, case_members);
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

      if (!io_read_string (loader, object, members[i], &text, error))
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
  len = io_place_push (loader, member);
  ok = load_idea_texts (loader, nested, item, members, fields, error);
  io_place_pop (loader, len);
  if (ok)
    *extra = keep_nested (*extra, member, io_unknown_members (nested, members));
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

  if (!io_read_array (loader, object, "stages", &stages, error))
    return FALSE;
  if (stages == NULL)
    return TRUE;
  if (stages->n != FW_N_STAGES)
    return fail_count (loader, error, "stages", stages->n);

  kept = json_array_sized_new (FW_N_STAGES);
  len = io_place_push (loader, "stages");
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      const FwJsonValue *node = &stages->elements[s];
      gsize len2 = io_place_push_index (loader, s);
      const FwJsonValue *stage = node;
      JsonObject *unknown;
      const char *why = "";
      guint id = s;
      guint evidence = FW_EVIDENCE_NONE;

      if (node->type != FW_JSON_OBJECT)
        return io_fail_type (loader, error, NULL, _("an object"), node);

      if (!read_enum (loader, stage, "stage", FW_TYPE_STAGE, fw_stage_ids_list, &id, error))
        return FALSE;
      if (id != s)
        {
          /* TRANSLATORS: the stages must come in their fixed order */
          g_autofree char *what = g_strdup_printf (_("expected %s, found %s (the stages "
                                                     "must be in the order %s)"),
                                                   fw_stage_to_id (s), fw_stage_to_id (id),
                                                   fw_stage_ids_list ());
          io_place_push (loader, "stage");
          io_fail (loader, error, FW_WORKBOOK_ERROR_INVALID, what);
          return FALSE;
        }
      if (!io_read_string (loader, stage, "why", &why, error) ||
          !read_enum (loader, stage, "evidence", FW_TYPE_EVIDENCE, fw_evidence_ids_list,
                      &evidence, error))
        return FALSE;
      fw_idea_set_why (item, s, why);
      fw_idea_set_evidence (item, s, evidence);

      unknown = io_unknown_members (stage, stage_members);
      any_unknown |= unknown != NULL;
      json_array_add_object_element (kept, unknown ? unknown : json_object_new ());
      io_place_pop (loader, len2);
    }
  io_place_pop (loader, len);

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

  len = io_place_push (loader, "conditions");
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
      len2 = io_place_push (loader, id);
      ticked = fw_json_object_get (condition, "ticked");
      if (ticked != NULL && ticked->type != FW_JSON_BOOLEAN)
        return io_fail_type (loader, error, "ticked", _("true or false"), ticked);
      if (!io_read_string (loader, condition, "note", &note, error))
        return FALSE;
      fw_idea_set_condition (item, c, ticked ? ticked->boolean : FALSE);
      fw_idea_set_condition_note (item, c, note);
      io_place_pop (loader, len2);
    }
  io_place_pop (loader, len);

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
            JsonObject *unknown = io_unknown_members (&member->value, condition_members);

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

  len = io_place_push (loader, "questions");
  for (guint q = 0; q < FW_N_QUESTIONS; q++)
    {
      guint answer = FW_ANSWER_UNANSWERED;

      if (!read_enum (loader, questions, fw_question_to_id (q), FW_TYPE_ANSWER,
                      fw_answer_ids_list, &answer, error))
        return FALSE;
      fw_idea_set_answer (item, q, answer);
    }
  io_place_pop (loader, len);

  *extra = keep_nested (*extra, "questions", other_members (questions, io_is_question_id, NULL));
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

  len = io_place_push (loader, "priority");
  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    {
      guint level = FW_LEVEL_UNSET;

      text = "";
      if (!read_enum (loader, priority, priorities[i].level, FW_TYPE_LEVEL,
                      fw_level_ids_list, &level, error) ||
          !io_read_string (loader, priority, priorities[i].reason, &text, error))
        return FALSE;
      fw_idea_set_priority (item, priorities[i].which, level);
      fw_idea_set_text (item, priorities[i].reason_field, text);
    }
  text = "";
  if (!io_read_string (loader, priority, "concerns", &text, error))
    return FALSE;
  fw_idea_set_text (item, FW_IDEA_CONCERNS, text);
  text = "";
  if (!io_read_string (loader, priority, "blockers", &text, error))
    return FALSE;
  fw_idea_set_text (item, FW_IDEA_BLOCKERS, text);
  io_place_pop (loader, len);

  *extra = keep_nested (*extra, "priority", io_unknown_members (priority, priority_members));
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

  if (!io_read_array (loader, object, "case_ids", &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  n = array->n;
  ids = g_ptr_array_sized_new (n + 1);
  len = io_place_push (loader, "case_ids");
  for (guint i = 0; i < n; i++)
    {
      const FwJsonValue *node = &array->elements[i];

      if (node->type != FW_JSON_STRING)
        {
          io_place_push_index (loader, i);
          return io_fail_type (loader, error, NULL, _("a string"), node);
        }
      g_ptr_array_add (ids, (gpointer) node->string);
    }
  io_place_pop (loader, len);
  g_ptr_array_add (ids, NULL);
  fw_idea_set_case_ids (item, (const char * const *) ids->pdata);
  return TRUE;
}

/* Members and assessments */

static gboolean
fail_at (Loader     *loader,
         GError    **error,
         const char *member,
         const char *what)
{
  gsize len = member ? io_place_push (loader, member) : loader->place->len;

  io_fail (loader, error, FW_WORKBOOK_ERROR_INVALID, what);
  io_place_pop (loader, len);
  return FALSE;
}

FwMember *
io_load_member (Loader             *loader,
                const FwJsonValue  *node,
                guint               index,
                GError            **error)
{
  g_autoptr(FwMember) item = NULL;
  g_autoptr(JsonObject) extra = NULL;
  const char *id = NULL;
  const char *name = "";
  guint role = FW_ROLE_OTHER;
  gpointer first;

  if (node->type != FW_JSON_OBJECT)
    return io_fail_type (loader, error, NULL, _("an object"), node), NULL;

  if (!io_read_string (loader, node, "id", &id, error))
    return NULL;
  if (id == NULL || *id == '\0')
    {
      fail_at (loader, error, "id", _("missing; every member needs an id"));
      return NULL;
    }
  if (g_hash_table_lookup_extended (loader->members, id, NULL, &first))
    {
      g_autofree char *what = g_strdup_printf (_("the id “%s” is already used by %s[%u]"),
                                               id, "members", GPOINTER_TO_UINT (first));
      fail_at (loader, error, "id", what);
      return NULL;
    }
  if (!io_read_string (loader, node, "name", &name, error) ||
      !read_enum (loader, node, "role", FW_TYPE_ROLE, fw_role_ids_list, &role, error))
    return NULL;
  g_hash_table_insert (loader->members, (gpointer) id, GUINT_TO_POINTER (index));

  item = fw_member_new (name, role);
  fw_member_set_id (item, id);
  extra = io_unknown_members (node, member_members);
  fw_member_set_extra (item, extra);
  return g_steal_pointer (&item);
}

static gboolean load_stages (Loader *, const FwJsonValue *, FwIdea *, JsonObject **, GError **);
static gboolean load_conditions (Loader *, const FwJsonValue *, FwIdea *, JsonObject **,
                                 GError **);
static gboolean load_questions (Loader *, const FwJsonValue *, FwIdea *, JsonObject **,
                                GError **);
static gboolean load_priority (Loader *, const FwJsonValue *, FwIdea *, JsonObject **,
                               GError **);

/* One of ideas[i].assessments: who, when, a comment, and the judgement, read by the
 * idea's own readers into the judgement idea. */
static FwMemberAssessment *
load_assessment (Loader             *loader,
                 const FwJsonValue  *node,
                 GHashTable         *seen,
                 guint               index,
                 GError            **error)
{
  g_autoptr(FwMemberAssessment) item = NULL;
  g_autoptr(JsonObject) judgement_extra = NULL;
  g_autoptr(JsonObject) extra = NULL;
  const char *member = NULL;
  const char *made = "";
  const char *comment = "";
  FwIdea *judgement;
  gpointer first;
  gboolean ok;

  if (node->type != FW_JSON_OBJECT)
    return io_fail_type (loader, error, NULL, _("an object"), node), NULL;

  if (!io_read_string (loader, node, "member", &member, error))
    return NULL;
  if (member == NULL || *member == '\0')
    {
      fail_at (loader, error, "member", _("missing; an assessment names the member who made it"));
      return NULL;
    }
  if (!g_hash_table_contains (loader->members, member))
    {
      /* TRANSLATORS: an assessment names a member the workbook's team lacks */
      g_autofree char *what = g_strdup_printf (_("no member with id “%s” in members"), member);
      fail_at (loader, error, "member", what);
      return NULL;
    }
  if (g_hash_table_lookup_extended (seen, member, NULL, &first))
    {
      /* TRANSLATORS: one member has two assessments of one idea */
      g_autofree char *what = g_strdup_printf (_("the member “%s” already assessed this idea in "
                                                 "assessments[%u]"),
                                               member, GPOINTER_TO_UINT (first));
      fail_at (loader, error, "member", what);
      return NULL;
    }
  g_hash_table_insert (seen, (gpointer) member, GUINT_TO_POINTER (index));

  if (!io_read_string (loader, node, "made", &made, error) ||
      !io_read_string (loader, node, "comment", &comment, error))
    return NULL;
  if (*made != '\0')
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (made, NULL);

      if (time == NULL)
        {
          /* TRANSLATORS: %s is what the file holds instead of a time */
          g_autofree char *what = g_strdup_printf (_("expected a date and time such as "
                                                     "2026-12-01T09:30:00Z, found “%s”"), made);
          fail_at (loader, error, "made", what);
          return NULL;
        }
    }

  item = fw_member_assessment_new (member);
  judgement = fw_member_assessment_get_judgement (item);
  g_object_freeze_notify (G_OBJECT (judgement));
  ok = load_stages (loader, node, judgement, &judgement_extra, error) &&
       load_conditions (loader, node, judgement, &judgement_extra, error) &&
       load_questions (loader, node, judgement, &judgement_extra, error) &&
       load_priority (loader, node, judgement, &judgement_extra, error);
  g_object_thaw_notify (G_OBJECT (judgement));
  if (!ok)
    return NULL;
  fw_idea_set_extra (judgement, judgement_extra);

  fw_member_assessment_set_made (item, made);
  fw_member_assessment_set_comment (item, comment);
  extra = io_unknown_members (node, assessment_members);
  fw_member_assessment_set_extra (item, extra);
  return g_steal_pointer (&item);
}

static gboolean
load_assessments (Loader             *loader,
                  const FwJsonValue  *object,
                  FwIdea             *item,
                  GError            **error)
{
  g_autoptr(GHashTable) seen = NULL;
  const FwJsonValue *array;
  gsize len;

  if (!io_read_array (loader, object, "assessments", &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  len = io_place_push (loader, "assessments");
  for (guint i = 0; i < array->n; i++)
    {
      g_autoptr(FwMemberAssessment) assessment = NULL;
      gsize len2 = io_place_push_index (loader, i);

      assessment = load_assessment (loader, &array->elements[i], seen, i, error);
      if (assessment == NULL)
        return FALSE;
      fw_idea_set_assessment (item, assessment);
      io_place_pop (loader, len2);
    }
  io_place_pop (loader, len);
  return TRUE;
}

static gboolean
load_decision (Loader             *loader,
               const FwJsonValue  *object,
               FwIdea             *item,
               JsonObject        **extra,
               GError            **error)
{
  const FwJsonValue *decision;
  const char *rationale = "";
  const char *date = "";
  guint choice = FW_DECISION_NONE;
  gsize len;

  if (!read_object (loader, object, "decision", &decision, error))
    return FALSE;
  if (decision == NULL)
    return TRUE;

  len = io_place_push (loader, "decision");
  if (!read_enum (loader, decision, "choice", FW_TYPE_DECISION, fw_decision_ids_list, &choice,
                  error) ||
      !io_read_string (loader, decision, "rationale", &rationale, error) ||
      !io_read_string (loader, decision, "date", &date, error))
    return FALSE;
  io_place_pop (loader, len);
  fw_idea_set_decision (item, choice);
  fw_idea_set_decision_rationale (item, rationale);
  fw_idea_set_decision_date (item, date);

  *extra = keep_nested (*extra, "decision", io_unknown_members (decision, decision_members));
  return TRUE;
}

static gboolean
load_revealed (Loader             *loader,
               const FwJsonValue  *object,
               FwIdea             *item,
               GError            **error)
{
  const FwJsonValue *revealed = fw_json_object_get (object, "revealed");

  if (revealed == NULL)
    return TRUE;
  if (revealed->type != FW_JSON_BOOLEAN)
    return io_fail_type (loader, error, "revealed", _("true or false"), revealed);
  fw_idea_set_revealed (item, revealed->boolean);
  return TRUE;
}

static const char * const idea_top_texts[] = {
  "title", "customer", "notes", "event_storming_url", NULL
};
static const FwIdeaText idea_top_fields[] = {
  FW_IDEA_TITLE, FW_IDEA_CUSTOMER, FW_IDEA_NOTES, FW_IDEA_EVENT_STORMING_URL
};
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
         load_case_ids (loader, object, item, error) &&
         load_decision (loader, object, item, extra, error) &&
         load_revealed (loader, object, item, error) &&
         load_assessments (loader, object, item, error);
}

FwIdea *
io_load_idea (Loader             *loader,
              const FwJsonValue  *node,
              GHashTable         *seen,
              guint               index,
              GError            **error)
{
  g_autoptr(FwIdea) item = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(JsonObject) unknown = NULL;
  const FwJsonValue *object = node;
  gboolean ok;

  if (node->type != FW_JSON_OBJECT)
    return io_fail_type (loader, error, NULL, _("an object"), node), NULL;

  /* Nobody watches a new idea: its fields are set without notifications. */
  item = fw_idea_new_for_loading ();
  ok = load_idea_members (loader, object, item, seen, index, &extra, error);
  fw_idea_loaded (item);
  if (!ok)
    return NULL;

  /* The nested objects' unknowns came first; the idea's own follow in file order. The
   * order of the two groups does not matter: saving looks nested ones up by name. */
  unknown = io_unknown_members (object, idea_members);
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
