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
