/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-window-private.h"

/* Dropped files open like files given on the command line: a workbook that
 * is open already is raised, the others open in windows of their own; copies
 * of this workbook are offered to be collected instead (fw-window-team.c). */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FwWindow      *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GPtrArray) array = g_ptr_array_new ();
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL)
    return FALSE;
  for (GSList *l = files; l; l = l->next)
    g_ptr_array_add (array, l->data);
  if (array->len == 0)
    return FALSE;
  if (_fw_window_drop_copies (self, (GFile **) array->pdata, array->len))
    return TRUE;
  g_application_open (G_APPLICATION (app), (GFile **) array->pdata, array->len, "");
  return TRUE;
}

void
_fw_window_init_dnd (FwWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
