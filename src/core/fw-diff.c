/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include "fw-assessment.h"
#include "fw-merge-private.h"

void
fw_change_free (FwChange *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->member_id);
  g_free (self->field);
  g_clear_pointer (&self->before, json_node_unref);
  g_clear_pointer (&self->after, json_node_unref);
  g_free (self);
}

static FwChange *
add_change (GPtrArray    *changes,
            FwChangeKind  kind,
            FwItemKind    item,
            const char   *id,
            const char   *member_id)
{
  FwChange *change = g_new0 (FwChange, 1);

  change->kind = kind;
  change->item = item;
  change->id = g_strdup (id);
  change->member_id = g_strdup (member_id);
  g_ptr_array_add (changes, change);
  return change;
}

static void
diff_fields (GPtrArray  *changes,
             FwItemKind  kind,
             const char *id,
             const char *member_id,
             GObject    *a,
             GObject    *b)
{
  guint n = 0;
  const FwField *fields = fw_fields_of (kind, &n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonNode) before = NULL;
      g_autoptr(JsonNode) after = NULL;
      FwChange *change;

      /* The time of the last save is no change of its own. */
      if (kind == FW_ITEM_WORKBOOK && g_str_equal (fields[i].name, "modified"))
        continue;
      before = fw_field_get (&fields[i], a);
      after = fw_field_get (&fields[i], b);
      if (fw_json_node_same (before, after))
        continue;
      change = add_change (changes, FW_CHANGE_FIELD, kind, id, member_id);
      change->field = g_strdup (fields[i].name);
      change->before = g_steal_pointer (&before);
      change->after = g_steal_pointer (&after);
    }
}

static JsonNode *
verdict_node (FwIdea *idea)
{
  g_autoptr(FwAssessment) assessment = fw_assessment_new (idea);

  return json_node_init_string (json_node_alloc (),
                                fw_verdict_to_id (fw_assessment_get_verdict (assessment)));
}

/* Positions of @b's items (common to both) that keep @a's order: the longest
 * increasing run of their positions in @a; the others moved. */
static GHashTable *
find_moved (GPtrArray  *a_order,
            GPtrArray  *b_order,
            GHashTable *a_index)   /* id → position + 1 in a */
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GArray) tails = g_array_new (FALSE, FALSE, sizeof (guint));   /* index into positions */
  g_autoptr(GArray) previous = NULL;
  GHashTable *moved = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *steady = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < b_order->len; i++)
    {
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (a_index, b_order->pdata[i]));

      if (at == 0)
        continue;
      g_array_append_val (positions, at);
      g_ptr_array_add (ids, b_order->pdata[i]);
    }
  previous = g_array_sized_new (FALSE, TRUE, sizeof (guint), positions->len);
  g_array_set_size (previous, positions->len);
  for (guint i = 0; i < positions->len; i++)
    {
      guint value = g_array_index (positions, guint, i);
      guint lo = 0, hi = tails->len;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (positions, guint, g_array_index (tails, guint, mid)) < value)
            lo = mid + 1;
          else
            hi = mid;
        }
      g_array_index (previous, guint, i) = lo > 0 ? g_array_index (tails, guint, lo - 1) + 1 : 0;
      if (lo == tails->len)
        g_array_append_val (tails, i);
      else
        g_array_index (tails, guint, lo) = i;
    }
  if (tails->len > 0)
    for (guint k = g_array_index (tails, guint, tails->len - 1) + 1; k > 0;
         k = g_array_index (previous, guint, k - 1))
      g_hash_table_add (steady, ids->pdata[k - 1]);
  for (guint i = 0; i < ids->len; i++)
    if (!g_hash_table_contains (steady, ids->pdata[i]))
      g_hash_table_add (moved, ids->pdata[i]);
  g_hash_table_unref (steady);
  (void) a_order;
  return moved;
}

static void diff_list (GPtrArray  *changes,
                       FwItemKind  kind,
                       const char *idea_id,
                       FwWorkbook *a,
                       FwWorkbook *b,
                       FwIdea     *a_idea,
                       FwIdea     *b_idea);

static void
diff_item (GPtrArray  *changes,
           FwItemKind  kind,
           const char *idea_id,
           const char *key,
           GObject    *a,
           GObject    *b)
{
  const char *id = kind == FW_ITEM_ASSESSMENT ? idea_id : key;
  const char *member_id = kind == FW_ITEM_ASSESSMENT ? key : NULL;
  guint before = changes->len;

  /* Most items did not change: their fields need not be compared one by one. */
  if (fw_items_equal (kind, a, b))
    return;
  diff_fields (changes, kind, id, member_id, a, b);
  if (kind == FW_ITEM_IDEA)
    {
      diff_list (changes, FW_ITEM_ASSESSMENT, key, NULL, NULL, FW_IDEA (a), FW_IDEA (b));
      if (changes->len > before)
        {
          g_autoptr(JsonNode) was = verdict_node (FW_IDEA (a));
          g_autoptr(JsonNode) is = verdict_node (FW_IDEA (b));

          if (!fw_json_node_same (was, is))
            {
              FwChange *change = add_change (changes, FW_CHANGE_VERDICT, kind, key, NULL);

              change->before = g_steal_pointer (&was);
              change->after = g_steal_pointer (&is);
            }
        }
    }
}

/* The items by key, and each key's place + 1 in @order. */
static GHashTable *
index_of (FwWorkbook *workbook,
          FwItemKind  kind,
          FwIdea     *idea,
          GPtrArray  *order,
          GHashTable **positions)
{
  GHashTable *table = fw_items_index (workbook, kind, idea, order);

  *positions = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < order->len; i++)
    g_hash_table_insert (*positions, order->pdata[i], GUINT_TO_POINTER (i + 1));
  return table;
}

static void
diff_list (GPtrArray  *changes,
           FwItemKind  kind,
           const char *idea_id,
           FwWorkbook *a,
           FwWorkbook *b,
           FwIdea     *a_idea,
           FwIdea     *b_idea)
{
  g_autoptr(GPtrArray) a_order = g_ptr_array_new ();
  g_autoptr(GPtrArray) b_order = g_ptr_array_new ();
  GHashTable *a_positions, *b_positions;
  GHashTable *a_items = index_of (a, kind, a_idea, a_order, &a_positions);
  GHashTable *b_items = index_of (b, kind, b_idea, b_order, &b_positions);
  GHashTable *moved = find_moved (a_order, b_order, a_positions);

  for (guint i = 0; i < b_order->len; i++)
    {
      const char *key = b_order->pdata[i];
      GObject *was = g_hash_table_lookup (a_items, key);
      GObject *is = g_hash_table_lookup (b_items, key);

      if (was == NULL)
        add_change (changes, FW_CHANGE_ADDED, kind,
                    kind == FW_ITEM_ASSESSMENT ? idea_id : key,
                    kind == FW_ITEM_ASSESSMENT ? key : NULL);
      else
        {
          if (kind != FW_ITEM_ASSESSMENT && g_hash_table_contains (moved, key))
            add_change (changes, FW_CHANGE_MOVED, kind, key, NULL);
          diff_item (changes, kind, idea_id, key, was, is);
        }
    }
  for (guint i = 0; i < a_order->len; i++)
    if (!g_hash_table_contains (b_items, a_order->pdata[i]))
      add_change (changes, FW_CHANGE_REMOVED, kind,
                  kind == FW_ITEM_ASSESSMENT ? idea_id : a_order->pdata[i],
                  kind == FW_ITEM_ASSESSMENT ? a_order->pdata[i] : NULL);

  g_hash_table_unref (a_items);
  g_hash_table_unref (b_items);
  g_hash_table_unref (a_positions);
  g_hash_table_unref (b_positions);
  g_hash_table_unref (moved);
}

GPtrArray *
fw_diff (FwWorkbook *a,
         FwWorkbook *b)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_change_free);

  g_return_val_if_fail (FW_IS_WORKBOOK (a) && FW_IS_WORKBOOK (b), changes);

  diff_fields (changes, FW_ITEM_WORKBOOK, NULL, NULL, G_OBJECT (a), G_OBJECT (b));
  diff_list (changes, FW_ITEM_MEMBER, NULL, a, b, NULL, NULL);
  diff_list (changes, FW_ITEM_CASE, NULL, a, b, NULL, NULL);
  diff_list (changes, FW_ITEM_IDEA, NULL, a, b, NULL, NULL);

  /* A conflict resolved (or kept by a merge) is a change even when the value
   * the workbook holds stays. */
  {
    g_autoptr(GPtrArray) was = fw_workbook_dup_conflicts (a);
    g_autoptr(GPtrArray) is = fw_workbook_dup_conflicts (b);
    gboolean same = was->len == is->len;

    for (guint i = 0; same && i < was->len; i++)
      same = fw_conflict_equal (was->pdata[i], is->pdata[i]);
    if (!same)
      {
        FwChange *change = add_change (changes, FW_CHANGE_CONFLICTS, FW_ITEM_WORKBOOK, NULL,
                                       NULL);

        change->before = json_node_init_int (json_node_alloc (), was->len);
        change->after = json_node_init_int (json_node_alloc (), is->len);
      }
  }
  return changes;
}

char *
fw_change_format (const FwChange *change,
                  FwWorkbook     *a,
                  FwWorkbook     *b)
{
  FwWorkbook *terms = change->kind == FW_CHANGE_REMOVED ? a : b;
  g_autofree char *item = fw_merge_describe_item (terms, change->item, change->id,
                                                  change->member_id);

  switch (change->kind)
    {
    case FW_CHANGE_ADDED:
      /* TRANSLATORS: %s is an item: "Idea “Title”" */
      return g_strdup_printf (_("%s: added"), item);
    case FW_CHANGE_REMOVED:
      /* TRANSLATORS: %s is an item: "Idea “Title”" */
      return g_strdup_printf (_("%s: removed"), item);
    case FW_CHANGE_MOVED:
      /* TRANSLATORS: %s is an item: "Idea “Title”"; its place in the list changed */
      return g_strdup_printf (_("%s: moved"), item);
    case FW_CHANGE_CONFLICTS:
      /* TRANSLATORS: how many conflicts a merge left, before and after: "2 → 1" */
      return g_strdup_printf (_("Unresolved conflicts: %u → %u"),
                              (guint) json_node_get_int (change->before),
                              (guint) json_node_get_int (change->after));
    case FW_CHANGE_VERDICT:
      {
        FwVerdict was = 0, is = 0;

        fw_verdict_from_id (json_node_get_string (change->before), &was);
        fw_verdict_from_id (json_node_get_string (change->after), &is);
        /* TRANSLATORS: "Idea “Title”: verdict Winning pattern → Losing pattern" */
        return g_strdup_printf (_("%s: verdict %s → %s"), item, fw_verdict_label (was),
                                fw_verdict_label (is));
      }
    case FW_CHANGE_FIELD:
    default:
      {
        const char *label = fw_field_label (change->item, change->field);
        g_autofree char *before = NULL;
        g_autofree char *after = NULL;

        if (JSON_NODE_HOLDS_VALUE (change->after) &&
            json_node_get_value_type (change->after) == G_TYPE_BOOLEAN &&
            g_strcmp0 (change->field, "revealed") != 0)
          /* TRANSLATORS: "Idea “Title”: Condition “…” ticked" (or "not ticked") */
          return g_strdup_printf (_("%s: %s %s"), item, label,
                                  json_node_get_boolean (change->after) ? _("ticked")
                                                                         : _("not ticked"));
        before = fw_field_format_value (a, change->item, change->field, change->before, 60);
        after = fw_field_format_value (b, change->item, change->field, change->after, 60);
        /* TRANSLATORS: "Idea “Title”: Data — evidence: anecdotal → market data" */
        return g_strdup_printf (_("%s: %s: %s → %s"), item, label, before, after);
      }
    }
}

/* ------------------------------------------------------------------ text */

static void
append_value (GString    *out,
              const char *indent,
              const char *label,
              const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_string_append_printf (out, "%s%s: %s\n", indent, label, lines[0]);
  for (guint i = 1; lines[i]; i++)
    g_string_append_printf (out, "%s    %s\n", indent, lines[i]);
}

/* The fields' labels, once per text: each is made with a printf and interned. */
static const char **
labels_of (FwItemKind kind)
{
  guint n = 0;
  const FwField *fields = fw_fields_of (kind, &n);
  const char **labels = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    labels[i] = fw_field_label (kind, fields[i].name);
  return labels;
}

static void
append_fields (GString     *out,
               FwWorkbook  *workbook,
               FwItemKind   kind,
               GObject     *item,
               const char **labels,
               const char  *indent)
{
  guint n = 0;
  const FwField *fields = fw_fields_of (kind, &n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonNode) value = NULL;
      g_autofree char *text = NULL;

      if (kind == FW_ITEM_WORKBOOK && g_str_equal (fields[i].name, "modified"))
        continue;
      value = fw_field_get (&fields[i], item);
      if (fw_field_is_default (&fields[i], value))
        continue;
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING &&
          !(fields[i].pspec && G_TYPE_IS_ENUM (fields[i].pspec->value_type)))
        text = g_strdup (json_node_get_string (value));
      else
        text = fw_field_format_value (workbook, kind, fields[i].name, value, 0);
      append_value (out, indent, labels[i], text);
    }
}

char *
fw_workbook_dup_text (FwWorkbook *workbook)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *heading = NULL;
  static const FwItemKind lists[] = { FW_ITEM_MEMBER, FW_ITEM_CASE, FW_ITEM_IDEA };
  const char **labels[FW_N_ITEMS] = { NULL };

  g_return_val_if_fail (FW_IS_WORKBOOK (workbook), NULL);

  for (guint k = 0; k < FW_N_ITEMS; k++)
    labels[k] = labels_of (k);
  heading = fw_merge_describe_item (workbook, FW_ITEM_WORKBOOK, NULL, NULL);
  g_string_append_printf (out, "%s%s%s%s\n", heading, fw_workbook_get_id (workbook) ? " (" : "",
                          fw_workbook_get_id (workbook) ? fw_workbook_get_id (workbook) : "",
                          fw_workbook_get_id (workbook) ? ")" : "");
  append_fields (out, workbook, FW_ITEM_WORKBOOK, G_OBJECT (workbook), labels[FW_ITEM_WORKBOOK],
                 "  ");

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < fw_items_count (workbook, lists[l], NULL); i++)
      {
        GObject *item = fw_items_get (workbook, lists[l], NULL, i);
        const char *key = fw_item_key (lists[l], item);
        /* From the item itself: finding each by its id would scan its list once per
         * item. */
        g_autofree char *title = fw_item_describe (workbook, lists[l], item, NULL, key, NULL);

        g_string_append_printf (out, "\n%s (%s)\n", title, key);
        append_fields (out, workbook, lists[l], item, labels[lists[l]], "  ");
        if (lists[l] != FW_ITEM_IDEA)
          continue;
        for (guint j = 0; j < fw_items_count (workbook, FW_ITEM_ASSESSMENT, FW_IDEA (item)); j++)
          {
            GObject *assessment = fw_items_get (workbook, FW_ITEM_ASSESSMENT, FW_IDEA (item), j);
            const char *member_id = fw_item_key (FW_ITEM_ASSESSMENT, assessment);
            g_autofree char *whose = fw_item_describe (workbook, FW_ITEM_ASSESSMENT, assessment,
                                                       FW_IDEA (item), key, member_id);

            g_string_append_printf (out, "  %s (%s)\n", whose, member_id);
            append_fields (out, workbook, FW_ITEM_ASSESSMENT, assessment,
                           labels[FW_ITEM_ASSESSMENT], "    ");
          }
      }

  conflicts = fw_workbook_dup_conflicts (workbook);
  if (conflicts->len)
    g_string_append_printf (out, "\n%s\n", _("Unresolved conflicts"));
  for (guint i = 0; i < conflicts->len; i++)
    {
      FwConflict *conflict = conflicts->pdata[i];
      g_autofree char *item = fw_merge_describe_item (workbook, conflict->kind, conflict->id,
                                                      conflict->member_id);
      g_autofree char *ours = fw_field_format_value (workbook, conflict->kind, conflict->field,
                                                     conflict->ours, 0);
      g_autofree char *theirs = fw_field_format_value (workbook, conflict->kind,
                                                       conflict->field, conflict->theirs, 0);

      /* TRANSLATORS: one unresolved conflict: item, field, ours, theirs */
      g_string_append_printf (out, _("  %s: %s: ours %s, theirs %s\n"), item,
                              fw_field_label (conflict->kind, conflict->field), ours, theirs);
    }
  for (guint k = 0; k < FW_N_ITEMS; k++)
    g_free (labels[k]);
  return g_string_free (out, FALSE);
}
