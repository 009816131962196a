/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The conflicts a merge keeps inside the workbook (its `conflicts`): reading and
 * writing them, resolving one, and merging those the sides kept with the new ones. */

#include "config.h"

#include "fw-gettext.h"
#include "fw-json.h"
#include "fw-merge-private.h"

static const char *item_ids[] = { "workbook", "case", "idea", "member", "assessment" };
G_STATIC_ASSERT (G_N_ELEMENTS (item_ids) == FW_N_ITEMS);

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

  return fw_json_node_holds (node, G_TYPE_STRING) ? json_node_get_string (node) : NULL;
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
      if (f == NULL || !fw_field_accepts (f, json_object_get_member (object, "ours")) ||
          !fw_field_accepts (f, json_object_get_member (object, "theirs")))
        return NULL;
    }
  else if (k == FW_ITEM_WORKBOOK ||
           !fw_json_node_holds (json_object_get_member (object, "ours"), G_TYPE_BOOLEAN) ||
           !fw_json_node_holds (json_object_get_member (object, "theirs"), G_TYPE_BOOLEAN))
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

      if (f ? fw_field_accepts (f, base) : fw_json_node_holds (base, G_TYPE_BOOLEAN))
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
      gboolean keep = fw_json_node_holds (chosen, G_TYPE_BOOLEAN) && json_node_get_boolean (chosen);

      if (!fw_json_node_holds (chosen, G_TYPE_BOOLEAN))
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

guint
fw_merge_conflicts (FwWorkbook *base,
                    FwWorkbook *ours,
                    FwWorkbook *theirs,
                    FwWorkbook *result,
                    GPtrArray  *found)
{
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) theirs_kept = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  guint n_new;

  /* The conflicts the sides kept, merged three-way by what they are about: one a
   * side resolved (it had it in the base and no longer) is resolved; one either
   * kept stays, theirs' with the sides swapped (their "ours" is our "theirs"),
   * each once. Then the new ones, which replace a kept one on the same field. */
  kept = fw_workbook_dup_conflicts (ours);
  theirs_kept = fw_workbook_dup_conflicts (theirs);
  conflicts = merge_kept_conflicts (base, kept, theirs_kept);
  n_new = add_new_conflicts (conflicts, found);
  refresh_kept_conflicts (result, conflicts);
  fw_workbook_set_conflicts (result, conflicts);
  return n_new;
}
