/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include "fw-json.h"
#include "fw-merge-private.h"

G_DEFINE_QUARK (fw-merge-error-quark, fw_merge_error)

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

      fw_field_value (field, ours, &o);
      fw_field_value (field, theirs, &t);
      if (fw_field_values_same (&o, &t))
        continue;
      /* Times: the later; a reveal: once revealed stays revealed. */
      if ((kind == FW_ITEM_WORKBOOK && g_str_equal (field->name, "modified")) ||
          (kind == FW_ITEM_ASSESSMENT && g_str_equal (field->name, "made")))
        {
          if (g_strcmp0 (g_value_get_string (&t), g_value_get_string (&o)) > 0)
            fw_field_set_value (field, result, &t);
          continue;
        }
      if (field->pspec == NULL)
        {
          fw_field_set_value (field, result, g_value_get_boolean (&o) ? &o : &t);
          continue;
        }
      if (base)
        fw_field_value (field, base, &b);
      if (base != NULL && fw_field_values_same (&b, &o))
        fw_field_set_value (field, result, &t);
      else if (base != NULL && fw_field_values_same (&b, &t))
        ;
      else
        {
          g_autoptr(JsonNode) bj = base ? fw_field_value_to_json (field, &b) : NULL;
          g_autoptr(JsonNode) oj = fw_field_value_to_json (field, &o);
          g_autoptr(JsonNode) tj = fw_field_value_to_json (field, &t);

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

      result = fw_item_copy (kind, ours);
      if (!same)
        merge_fields (merge, kind, item_id, member_id, base, ours, theirs, result);
      fw_item_set_extra (kind, result, merge_extra (fw_item_get_extra (kind, base),
                                                    fw_item_get_extra (kind, ours),
                                                    fw_item_get_extra (kind, theirs),
                                                    merge->two_way));
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
      return fw_item_copy (kind, ours);
    }
  if (theirs)
    {
      if (merge->two_way)
        add_conflict (merge, kind, item_id, member_id, "", NULL, no, yes);
      else if (base && fw_items_equal (kind, base, theirs))
        return NULL;   /* ours deleted it, theirs left it alone */
      else if (base)
        add_conflict (merge, kind, item_id, member_id, "", yes, no, yes);
      return fw_item_copy (kind, theirs);
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
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) ideas = NULL;
  g_autoptr(GPtrArray) members = NULL;
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

  /* The conflicts the sides kept, and the new ones. */
  n_new = fw_merge_conflicts (base, ours, theirs, result, merge.conflicts);

  if (n_conflicts)
    *n_conflicts = n_new;
  g_ptr_array_unref (merge.conflicts);
  json_node_unref (merge.yes);
  json_node_unref (merge.no);
  return result;
}

