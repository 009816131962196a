/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "fw-window-private.h"

/* Searching 10,000 ideas on every key press: each idea's searchable text is
 * case-folded once and kept with the idea until the idea changes. */
static GQuark
search_text_quark (void)
{
  return g_quark_from_static_string ("fw-search-text");
}

static void
forget_search_text_cb (FwIdea *idea)
{
  g_object_set_qdata (G_OBJECT (idea), search_text_quark (), NULL);
}

static const char *
idea_search_text (FwIdea *idea)
{
  static GQuark watched;
  const char *text = g_object_get_qdata (G_OBJECT (idea), search_text_quark ());
  g_autoptr(GString) all = NULL;

  if (text)
    return text;

  all = g_string_new (fw_idea_get_title (idea));
  for (guint f = FW_IDEA_AS_A; f <= FW_IDEA_OUTPUT_DATA; f++)
    g_string_append_printf (all, "\n%s", fw_idea_get_text (idea, f));
  for (guint s = 0; s < FW_N_STAGES; s++)
    g_string_append_printf (all, "\n%s", fw_idea_get_why (idea, s));

  if (watched == 0)
    watched = g_quark_from_static_string ("fw-search-watched");
  if (g_object_get_qdata (G_OBJECT (idea), watched) == NULL)
    {
      g_signal_connect (idea, "changed", G_CALLBACK (forget_search_text_cb), NULL);
      g_object_set_qdata (G_OBJECT (idea), watched, GINT_TO_POINTER (TRUE));
    }
  g_object_set_qdata_full (G_OBJECT (idea), search_text_quark (),
                           g_utf8_casefold (all->str, all->len), g_free);
  return g_object_get_qdata (G_OBJECT (idea), search_text_quark ());
}

/* Prepares the search texts a few hundred ideas at a time while the window
 * is idle, so the first search in a large workbook does not stall. */
static gboolean
warm_search_idle (gpointer data)
{
  FwWindow *self = data;
  FwWorkbook *workbook = _fw_window_workbook (self);
  guint n = fw_workbook_get_n_ideas (workbook);
  guint end = MIN (n, self->warm_position + 500);

  for (; self->warm_position < end; self->warm_position++)
    idea_search_text (fw_workbook_get_idea (workbook, self->warm_position));
  if (self->warm_position < n)
    return G_SOURCE_CONTINUE;
  self->warm_idle = 0;
  return G_SOURCE_REMOVE;
}

void
_fw_window_warm_search (FwWindow *self)
{
  self->warm_position = 0;
  if (self->warm_idle == 0)
    self->warm_idle = g_idle_add_full (G_PRIORITY_LOW, warm_search_idle, self, NULL);
}

gboolean
_fw_window_idea_matches (gpointer item,
                         gpointer user_data)
{
  FwWindow *self = user_data;

  if (self->search_folded == NULL)
    return TRUE;
  return strstr (idea_search_text (item), self->search_folded) != NULL;
}

void
_fw_window_search_changed_cb (FwWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search_folded, g_free);
  if (query && *query)
    self->search_folded = g_utf8_casefold (query, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The search entry reports changes after a pause; a cleared search must
 * take effect at once, before an idea is selected in the list. */
void
_fw_window_clear_search (FwWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  _fw_window_search_changed_cb (self);
}
