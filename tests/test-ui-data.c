/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

/* Every .ui file in the app's resources loads, and every symbolic icon the UI names
 * exists: in the icon theme, or bundled in the resources where current themes lack it.
 * (gtk4-builder-tool is not installed on Debian by default, so the files are loaded here.) */

#define ICONS_PATH RESOURCE_PREFIX "/icons"

/* Icons bundled under ICONS_PATH because Adwaita 48 and later dropped them. */
static const char *bundled_icons[] = { "emblem-ok-symbolic" };

static void
collect_ui_files (const char *path,
                  GPtrArray  *out)
{
  g_auto(GStrv) children = g_resources_enumerate_children (path, 0, NULL);

  for (guint i = 0; children && children[i]; i++)
    {
      g_autofree char *child = g_strconcat (path, children[i], NULL);

      if (g_str_has_suffix (child, "/"))
        collect_ui_files (child, out);
      else if (g_str_has_suffix (child, ".ui"))
        g_ptr_array_add (out, g_steal_pointer (&child));
    }
}

static GPtrArray *
ui_files (void)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  collect_ui_files (RESOURCE_PREFIX "/", files);
  return files;
}

static char *
template_class (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("<template\\s+class=\"([A-Za-z0-9_]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, text, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 1);
}

static void
test_ui_files_load (void)
{
  g_autoptr(GPtrArray) files = ui_files ();

  /* The window, the idea editor, the preferences and the shortcuts at least. */
  g_assert_cmpuint (files->len, >=, 4);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_autofree char *klass = template_class (text);

      g_test_message ("%s", path);
      if (klass)
        {
          /* A template loads only into its own type: build one. A template error is a
           * critical, which G_DEBUG=fatal-warnings turns into a failure here. */
          g_autoptr(GtkBuilder) builder = gtk_builder_new ();
          GType type = gtk_builder_get_type_from_name (builder, klass);
          GObject *object;

          if (type == G_TYPE_INVALID)
            g_error ("%s: template type %s is not known to the test "
                     "(is its _get_type exported?)", path, klass);
          g_assert_true (g_type_is_a (type, GTK_TYPE_WIDGET));
          object = g_object_ref_sink (g_object_new (type, NULL));
          if (GTK_IS_WINDOW (object))
            gtk_window_destroy (GTK_WINDOW (object));
          g_object_unref (object);
        }
      else
        {
          g_autoptr(GtkBuilder) builder = gtk_builder_new ();
          g_autoptr(GError) error = NULL;

          gtk_builder_add_from_resource (builder, path, &error);
          g_assert_no_error (error);
        }
    }
}

static void
collect_icon_names (const char *text,
                    GHashTable *names)
{
  g_autoptr(GRegex) regex = g_regex_new ("[\">]([a-z0-9-]+-symbolic)[\"<]", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_hash_table_add (names, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }
}

static void
test_icons_exist (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  /* Kept for the life of the process: GTK 4.8 leaks a theme's caches when the
   * last reference goes, which the sanitizer run would report. */
  static GtkIconTheme *bundled;
  const char *only_ours[] = { ICONS_PATH, NULL };
  const char *no_dirs[] = { NULL };
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) files = ui_files ();
  g_autofree char *srcdir = g_test_build_filename (G_TEST_DIST, "..", "src", NULL);
  g_autoptr(GDir) dir = g_dir_open (srcdir, 0, NULL);
  GHashTableIter iter;
  const char *name;

  if (bundled == NULL)
    bundled = gtk_icon_theme_new ();

  /* What GtkApplication does at startup for the app's resource base path. */
  gtk_icon_theme_add_resource_path (theme, ICONS_PATH);

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (files->pdata[i], 0, NULL);
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      collect_icon_names (text, names);
    }
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (srcdir, name, NULL);
      g_autofree char *text = NULL;

      if (g_str_has_suffix (name, ".c") && g_file_get_contents (path, &text, NULL, NULL))
        collect_icon_names (text, names);
    }
  /* The window's header bar and the verdict icons at least. */
  g_assert_cmpuint (g_hash_table_size (names), >=, 5);

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    {
      g_test_message ("icon %s", name);
      if (!gtk_icon_theme_has_icon (theme, name))
        g_error ("icon %s is in neither the icon theme nor the bundled icons", name);
    }

  /* The bundled ones come from the resources, whatever the theme: look in hicolor with
   * nothing but our resource path. */
  gtk_icon_theme_set_search_path (bundled, no_dirs);
  gtk_icon_theme_set_resource_path (bundled, only_ours);
  gtk_icon_theme_set_theme_name (bundled, "hicolor");
  for (guint i = 0; i < G_N_ELEMENTS (bundled_icons); i++)
    g_assert_true (gtk_icon_theme_has_icon (bundled, bundled_icons[i]));
  g_assert_false (gtk_icon_theme_has_icon (bundled, "open-menu-symbolic"));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui-data/ui-files-load", test_ui_files_load);
  g_test_add_func ("/ui-data/icons-exist", test_icons_exist);
  return g_test_run ();
}
