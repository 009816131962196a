/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include <string.h>

#include "fw-collect.h"
#include "fw-member-assessment.h"

G_DEFINE_QUARK (fw-collect-error-quark, fw_collect_error)

struct _FwCollect
{
  gboolean    changed;
  GPtrArray  *entries;    /* FwCollectEntry * */
  GPtrArray  *new_ideas;  /* FwIdea * */
  GPtrArray  *new_from;   /* char *: the entry name that offered each */
  GPtrArray  *left_out;   /* char *: titles of ideas deleted from the team since, NULL-ended */
};

/* A new idea as the copies have it: the version to offer and every member's
 * latest assessment of it (borrowed from the copies). */
typedef struct
{
  FwIdea     *base;
  const char *file;
  GHashTable *assessments;  /* member id → FwMemberAssessment * */
} Candidate;

static void
entry_free (gpointer data)
{
  FwCollectEntry *entry = data;

  g_free (entry->member_id);
  g_free (entry->name);
  g_free (entry);
}

static void
candidate_free (gpointer data)
{
  Candidate *candidate = data;

  g_hash_table_unref (candidate->assessments);
  g_free (candidate);
}

void
fw_collect_free (FwCollect *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->entries);
  g_ptr_array_unref (self->new_ideas);
  g_ptr_array_unref (self->new_from);
  g_ptr_array_unref (self->left_out);
  g_free (self);
}

static char *
dup_workbook_title (FwWorkbook *workbook)
{
  const char *title = fw_workbook_get_title (workbook);

  return g_strdup (*title ? title : _("Untitled workbook"));
}

/* Of two members a copy knows under one id, the one kept: by name, then role, so
 * the choice does not depend on which copy came first. */
static gboolean
member_before (FwMember *a,
               FwMember *b)
{
  int order = strcmp (fw_member_get_name (a), fw_member_get_name (b));

  return order < 0 || (order == 0 && fw_member_get_role (a) < fw_member_get_role (b));
}

static int
compare_members_by_name (gconstpointer a,
                         gconstpointer b)
{
  FwMember *ma = *(FwMember **) a;
  FwMember *mb = *(FwMember **) b;
  int order = strcmp (fw_member_get_name (ma), fw_member_get_name (mb));

  return order ? order : strcmp (fw_member_get_id (ma), fw_member_get_id (mb));
}

/* Keeps in @table (member id → assessment) the later of @assessment and the one
 * already there. */
static void
keep_latest (GHashTable         *table,
             FwMemberAssessment *assessment)
{
  const char *member = fw_member_assessment_get_member_id (assessment);
  FwMemberAssessment *kept = g_hash_table_lookup (table, member);

  if (kept == NULL || fw_member_assessment_compare (assessment, kept) > 0)
    g_hash_table_insert (table, (gpointer) member, assessment);
}

static void
keep_latest_of_idea (GHashTable *table,
                     FwIdea     *idea)
{
  GListModel *assessments = fw_idea_get_assessments (idea);
  guint n = g_list_model_get_n_items (assessments);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FwMemberAssessment) assessment = g_list_model_get_item (assessments, i);

      keep_latest (table, assessment);  /* the copy keeps its reference */
    }
}

static FwMemberAssessment *
latest_of (GHashTable *table)
{
  FwMemberAssessment *latest = NULL;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (latest == NULL || fw_member_assessment_compare (value, latest) > 0)
      latest = value;
  return latest;
}

static FwMemberAssessment *
latest_of_idea (FwIdea *idea)
{
  g_autoptr(GHashTable) table = g_hash_table_new (g_str_hash, g_str_equal);

  keep_latest_of_idea (table, idea);
  return latest_of (table);
}

/* Whether @idea (from @file) is the better version of a new idea to offer than the
 * candidate's: the one assessed last, then by title and file name. */
static gboolean
candidate_better (Candidate  *candidate,
                  FwIdea     *idea,
                  const char *file)
{
  FwMemberAssessment *a = latest_of_idea (idea);
  FwMemberAssessment *b = latest_of_idea (candidate->base);
  int order;

  if (a != NULL && b != NULL)
    order = fw_member_assessment_compare (a, b);
  else
    order = (a != NULL) - (b != NULL);
  if (order == 0)
    order = strcmp (fw_idea_get_title (idea), fw_idea_get_title (candidate->base));
  if (order == 0)
    order = strcmp (file, candidate->file);
  return order > 0;
}

/* The entry of @member_id (or, with NULL, of the file @name). */
static FwCollectEntry *
entry_for (GHashTable *entries,
           FwWorkbook *team,
           const char *member_id,
           const char *file)
{
  g_autofree char *key = member_id ? g_strconcat ("m:", member_id, NULL)
                                   : g_strconcat ("f:", file, NULL);
  FwCollectEntry *entry = g_hash_table_lookup (entries, key);

  if (entry == NULL)
    {
      FwMember *member = member_id ? fw_workbook_find_member (team, member_id, NULL) : NULL;

      entry = g_new0 (FwCollectEntry, 1);
      entry->member_id = g_strdup (member_id);
      entry->name = member ? fw_member_dup_display_name (member) : g_strdup (file);
      g_hash_table_insert (entries, g_steal_pointer (&key), entry);
    }
  return entry;
}

/* The assessments of @table in the order of the team's members. */
static GPtrArray *
in_member_order (FwWorkbook *team,
                 GHashTable *table)
{
  GPtrArray *ordered = g_ptr_array_new ();
  guint n = fw_workbook_get_n_members (team);

  for (guint i = 0; i < n; i++)
    {
      FwMemberAssessment *assessment =
        g_hash_table_lookup (table, fw_member_get_id (fw_workbook_get_member (team, i)));

      if (assessment)
        g_ptr_array_add (ordered, assessment);
    }
  return ordered;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const FwCollectEntry *ea = *(FwCollectEntry **) a;
  const FwCollectEntry *eb = *(FwCollectEntry **) b;
  int order = g_utf8_collate (ea->name, eb->name);

  return order ? order : g_strcmp0 (ea->member_id, eb->member_id);
}

typedef struct
{
  FwIdea *idea;
  char   *from;
} NewIdea;

static int
compare_new_ideas (gconstpointer a,
                   gconstpointer b)
{
  const NewIdea *na = a;
  const NewIdea *nb = b;
  g_autofree char *ta = fw_idea_dup_display_title (na->idea);
  g_autofree char *tb = fw_idea_dup_display_title (nb->idea);
  int order = g_utf8_collate (ta, tb);

  return order ? order : strcmp (fw_idea_get_id (na->idea), fw_idea_get_id (nb->idea));
}

static gboolean
check_copies (FwWorkbook         *team,
              FwWorkbook * const *copies,
              const char * const *names,
              guint               n_copies,
              GError            **error)
{
  g_autofree char *identity = fw_workbook_dup_identity (team);

  for (guint i = 0; i < n_copies; i++)
    {
      g_autofree char *other = fw_workbook_dup_identity (copies[i]);

      if (!g_str_equal (identity, other))
        {
          g_autofree char *title = dup_workbook_title (copies[i]);
          g_autofree char *team_title = dup_workbook_title (team);

          if (g_str_equal (title, team_title))
            /* TRANSLATORS: "ben.flywheel: another workbook titled “Search” too, made
             * apart from this one, not a copy of it; nothing was collected" */
            g_set_error (error, FW_COLLECT_ERROR, FW_COLLECT_ERROR_OTHER_WORKBOOK,
                         _("%s: another workbook titled “%s” too, made apart from this one, "
                           "not a copy of it; nothing was collected"),
                         names[i], title);
          else
            /* TRANSLATORS: "ben.flywheel: a copy of another workbook, “Checkout”, not of
             * “Search”; nothing was collected" */
            g_set_error (error, FW_COLLECT_ERROR, FW_COLLECT_ERROR_OTHER_WORKBOOK,
                         _("%s: a copy of another workbook, “%s”, not of “%s”; nothing was "
                           "collected"),
                         names[i], title, team_title);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
add_unknown_members (FwWorkbook         *team,
                     FwWorkbook * const *copies,
                     guint               n_copies)
{
  g_autoptr(GHashTable) unknown = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  for (guint c = 0; c < n_copies; c++)
    for (guint i = 0; i < fw_workbook_get_n_members (copies[c]); i++)
      {
        FwMember *member = fw_workbook_get_member (copies[c], i);
        const char *id = fw_member_get_id (member);
        FwMember *kept;

        if (fw_workbook_find_member (team, id, NULL))
          continue;
        kept = g_hash_table_lookup (unknown, id);
        if (kept == NULL || member_before (member, kept))
          g_hash_table_insert (unknown, (gpointer) id, member);
      }

  g_hash_table_iter_init (&iter, unknown);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (added, value);
  g_ptr_array_sort (added, compare_members_by_name);
  for (guint i = 0; i < added->len; i++)
    {
      g_autoptr(FwMember) member = fw_member_copy (g_ptr_array_index (added, i));

      fw_workbook_append_member (team, member);
    }
  return added->len > 0;
}

FwCollect *
fw_collect (FwWorkbook         *team,
            FwWorkbook * const *copies,
            const char * const *names,
            guint               n_copies,
            GError            **error)
{
  return fw_collect_with_bases (team, copies, NULL, names, n_copies, error);
}

static int
compare_utf8 (gconstpointer a,
              gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

FwCollect *
fw_collect_with_bases (FwWorkbook         *team,
                       FwWorkbook * const *copies,
                       FwWorkbook * const *bases,
                       const char * const *names,
                       guint               n_copies,
                       GError            **error)
{
  g_autoptr(GHashTable) deleted = NULL;     /* idea id → display title */
  g_autoptr(GHashTable) team_ideas = NULL;
  g_autoptr(GHashTable) best = NULL;        /* idea id → (member id → assessment) */
  g_autoptr(GHashTable) candidates = NULL;  /* idea id → Candidate */
  g_autoptr(GHashTable) entries = NULL;     /* key → FwCollectEntry */
  g_autoptr(GArray) offered = NULL;
  GHashTableIter iter;
  gpointer key, value;
  FwCollect *self;
  guint n;

  g_return_val_if_fail (FW_IS_WORKBOOK (team), NULL);
  g_return_val_if_fail (n_copies == 0 || (copies != NULL && names != NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_copies (team, copies, names, n_copies, error))
    return NULL;

  self = g_new0 (FwCollect, 1);
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->new_ideas = g_ptr_array_new_with_free_func (g_object_unref);
  self->new_from = g_ptr_array_new_with_free_func (g_free);
  self->left_out = g_ptr_array_new_with_free_func (g_free);
  deleted = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (fw_workbook_get_id (team) == NULL)
    self->changed = TRUE;
  fw_workbook_ensure_id (team);
  self->changed |= add_unknown_members (team, copies, n_copies);

  n = fw_workbook_get_n_ideas (team);
  team_ideas = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      FwIdea *idea = fw_workbook_get_idea (team, i);

      g_hash_table_insert (team_ideas, (gpointer) fw_idea_get_id (idea), idea);
    }

  /* First what the copies hold, each member's latest per idea; then it is applied,
   * so that nothing depends on the order of the copies. */
  best = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                (GDestroyNotify) g_hash_table_unref);
  candidates = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, candidate_free);
  for (guint c = 0; c < n_copies; c++)
    for (guint i = 0; i < fw_workbook_get_n_ideas (copies[c]); i++)
      {
        FwIdea *idea = fw_workbook_get_idea (copies[c], i);
        const char *id = fw_idea_get_id (idea);

        if (g_hash_table_contains (team_ideas, id))
          {
            GHashTable *table;

            if (fw_idea_get_n_assessments (idea) == 0)
              continue;
            table = g_hash_table_lookup (best, id);
            if (table == NULL)
              {
                table = g_hash_table_new (g_str_hash, g_str_equal);
                g_hash_table_insert (best, (gpointer) id, table);
              }
            keep_latest_of_idea (table, idea);
          }
        else if (bases && bases[c] && fw_workbook_find_idea (bases[c], id, NULL))
          {
            /* The version this copy was made from had it: the team deleted it
             * since, and nobody's copy brings it back. */
            if (!g_hash_table_contains (deleted, id))
              g_hash_table_insert (deleted, (gpointer) id, fw_idea_dup_display_title (idea));
          }
        else
          {
            Candidate *candidate = g_hash_table_lookup (candidates, id);

            if (candidate == NULL)
              {
                candidate = g_new0 (Candidate, 1);
                candidate->assessments = g_hash_table_new (g_str_hash, g_str_equal);
                g_hash_table_insert (candidates, (gpointer) id, candidate);
              }
            if (candidate->base == NULL || candidate_better (candidate, idea, names[c]))
              {
                candidate->base = idea;
                candidate->file = names[c];
              }
            keep_latest_of_idea (candidate->assessments, idea);
          }
      }

  entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      FwIdea *idea = fw_workbook_get_idea (team, i);
      GHashTable *table = g_hash_table_lookup (best, fw_idea_get_id (idea));
      g_autoptr(GPtrArray) ordered = NULL;

      if (table == NULL)
        continue;
      ordered = in_member_order (team, table);
      for (guint j = 0; j < ordered->len; j++)
        {
          FwMemberAssessment *incoming = g_ptr_array_index (ordered, j);
          const char *member = fw_member_assessment_get_member_id (incoming);
          FwMemberAssessment *current = fw_idea_find_assessment (idea, member, NULL);
          FwCollectEntry *entry = entry_for (entries, team, member, NULL);

          entry->n_assessed++;
          if (current == NULL || fw_member_assessment_compare (incoming, current) > 0)
            {
              g_autoptr(FwMemberAssessment) copy = fw_member_assessment_copy (incoming);

              fw_idea_set_assessment (idea, copy);
              entry->n_taken++;
              self->changed = TRUE;
            }
        }
    }

  /* Deleted, as one copy's version shows, even where another copy cannot tell. */
  g_hash_table_iter_init (&iter, deleted);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_remove (candidates, key);
      g_ptr_array_add (self->left_out, g_strdup (value));
    }
  g_ptr_array_sort (self->left_out, compare_utf8);
  g_ptr_array_add (self->left_out, NULL);

  offered = g_array_new (FALSE, FALSE, sizeof (NewIdea));
  g_hash_table_iter_init (&iter, candidates);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Candidate *candidate = value;
      FwMemberAssessment *latest = latest_of (candidate->assessments);
      g_autoptr(GPtrArray) ordered = in_member_order (team, candidate->assessments);
      FwCollectEntry *entry;
      NewIdea offer;

      offer.idea = fw_idea_copy (candidate->base);
      while (fw_idea_get_n_assessments (offer.idea) > 0)
        fw_idea_remove_assessment (offer.idea, 0);
      for (guint j = 0; j < ordered->len; j++)
        {
          g_autoptr(FwMemberAssessment) copy =
            fw_member_assessment_copy (g_ptr_array_index (ordered, j));

          fw_idea_set_assessment (offer.idea, copy);
        }
      entry = entry_for (entries, team,
                         latest ? fw_member_assessment_get_member_id (latest) : NULL,
                         candidate->file);
      entry->n_new_ideas++;
      offer.from = g_strdup (entry->name);
      g_array_append_val (offered, offer);
    }
  g_array_sort (offered, compare_new_ideas);
  for (guint i = 0; i < offered->len; i++)
    {
      NewIdea *offer = &g_array_index (offered, NewIdea, i);

      g_ptr_array_add (self->new_ideas, offer->idea);
      g_ptr_array_add (self->new_from, offer->from);
    }

  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (self->entries, value);
  g_ptr_array_sort (self->entries, compare_entries);
  return self;
}

gboolean
fw_collect_get_changed (FwCollect *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->changed;
}

guint
fw_collect_get_n_entries (FwCollect *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

const FwCollectEntry *
fw_collect_get_entry (FwCollect *self,
                      guint      index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return g_ptr_array_index (self->entries, index);
}

guint
fw_collect_get_n_new_ideas (FwCollect *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->new_ideas->len;
}

FwIdea *
fw_collect_get_new_idea (FwCollect *self,
                         guint      index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->new_ideas->len, NULL);
  return g_ptr_array_index (self->new_ideas, index);
}

const char *
fw_collect_get_new_idea_from (FwCollect *self,
                              guint      index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->new_from->len, NULL);
  return g_ptr_array_index (self->new_from, index);
}

const char * const *
fw_collect_get_left_out (FwCollect *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->left_out->pdata;
}

char *
fw_collect_format_summary (FwCollect *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  if (self->entries->len == 0)
    g_string_append (out, _("Nothing to collect: the copies hold no assessments and no new "
                            "ideas"));

  for (guint i = 0; i < self->entries->len; i++)
    {
      const FwCollectEntry *entry = g_ptr_array_index (self->entries, i);
      g_autoptr(GString) parts = g_string_new (NULL);
      g_autofree char *line = NULL;

      if (entry->n_assessed > 0)
        g_string_append_printf (parts, ngettext ("%u idea assessed", "%u ideas assessed",
                                                 entry->n_assessed),
                                entry->n_assessed);
      /* Collecting again says it brought nothing new. */
      if (entry->n_assessed > 0 && entry->n_taken == 0)
        /* TRANSLATORS: after "3 ideas assessed", when the team has those already */
        g_string_append (parts, _(", all collected before"));
      else if (entry->n_taken < entry->n_assessed)
        /* TRANSLATORS: after "3 ideas assessed": "(1 collected before)" */
        g_string_append_printf (parts, ngettext (" (%u collected before)",
                                                 " (%u collected before)",
                                                 entry->n_assessed - entry->n_taken),
                                entry->n_assessed - entry->n_taken);
      if (entry->n_new_ideas > 0)
        {
          if (parts->len > 0)
            /* TRANSLATORS: between "4 ideas assessed" and "1 new idea" */
            g_string_append (parts, C_("collect summary", ", "));
          g_string_append_printf (parts, ngettext ("%u new idea", "%u new ideas",
                                                   entry->n_new_ideas),
                                  entry->n_new_ideas);
        }
      if (i > 0)
        /* TRANSLATORS: between two members' parts of "Aiko: 5 ideas assessed; Ben: …" */
        g_string_append (out, C_("collect summary", "; "));
      /* TRANSLATORS: a member's name, then what came in from them: "Ben: 4 ideas assessed" */
      line = g_strdup_printf (C_("collect summary", "%s: %s"), entry->name, parts->str);
      g_string_append (out, line);
    }

  if (self->left_out->len > 1)
    {
      g_autoptr(GString) titles = g_string_new (NULL);

      for (guint i = 0; i + 1 < self->left_out->len; i++)
        {
          if (i > 0)
            g_string_append (titles, C_("collect summary", ", "));
          /* TRANSLATORS: an idea's title, quoted, in a list */
          g_string_append_printf (titles, _("“%s”"), (char *) self->left_out->pdata[i]);
        }
      g_string_append (out, C_("collect summary", "; "));
      /* TRANSLATORS: the last part of the summary: ideas the copies still have that
       * were deleted from this workbook after the copies were made */
      g_string_append_printf (out, _("left out as deleted from this workbook since the "
                                     "copies were made: %s"), titles->str);
    }
  return g_strdup (out->str);
}
