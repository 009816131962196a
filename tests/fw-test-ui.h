/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fw-test-util.h"

/* What the in-process GTK tests share: finding widgets in a tree. */

/* The first widget under @root (itself included), depth first, named @name. */
static inline GtkWidget *
fw_test_find_by_name (GtkWidget  *root,
                      const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = fw_test_find_by_name (child, name);

      if (found)
        return found;
    }
  return NULL;
}

/* The first widget under @root (itself included), depth first, of @type. */
static inline GtkWidget *
fw_test_find_by_type (GtkWidget *root,
                      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = fw_test_find_by_type (child, type);

      if (found)
        return found;
    }
  return NULL;
}

/* The event controller of @widget named @name (gtk_event_controller_set_name()). */
static inline GtkEventController *
fw_test_find_controller (GtkWidget  *widget,
                         const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (c), name) == 0)
        return c;
    }
  return NULL;
}

/* Clicks the button named @name under @root, which must be there and sensitive. */
static inline void
fw_test_click (GtkWidget  *root,
               const char *name)
{
  GtkWidget *button = fw_test_find_by_name (root, name);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  fw_test_spin ();
}
