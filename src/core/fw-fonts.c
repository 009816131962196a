/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <fontconfig/fontconfig.h>

#include <pango/pangocairo.h>

#include "fw-fonts.h"

static gboolean
has_family (FcFontSet  *fonts,
            const char *family)
{
  for (int i = 0; i < fonts->nfont; i++)
    {
      FcChar8 *name;

      for (int n = 0;
           FcPatternGetString (fonts->fonts[i], FC_FAMILY, n, &name) == FcResultMatch;
           n++)
        if (g_ascii_strcasecmp ((const char *) name, family) == 0)
          return TRUE;
    }
  return FALSE;
}

gboolean
fw_fonts_pin (void)
{
  g_autoptr(GString) xml = NULL;
  FcConfig *config;
  FcFontSet *fonts;
  static const char * const system_dirs[] = {
    "/usr/share/fonts", "/usr/local/share/fonts",
  };

  if (g_getenv ("FONTCONFIG_FILE") != NULL || g_getenv ("FONTCONFIG_PATH") != NULL)
    return FALSE;
  /* A Flatpak sandbox keeps the host's font caches in folders of its own, which its
   * configuration names: without them every font would be read afresh. */
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return FALSE;

  xml = g_string_new ("<?xml version=\"1.0\"?>\n<fontconfig>\n");
  for (guint i = 0; i < G_N_ELEMENTS (system_dirs); i++)
    g_string_append_printf (xml, "<dir>%s</dir>\n", system_dirs[i]);
  /* The prefix's own fonts, when installed elsewhere. */
  if (!g_str_equal (DATADIR, "/usr/share") && !g_str_equal (DATADIR, "/usr/local/share"))
    g_string_append_printf (xml, "<dir>%s/fonts</dir>\n", DATADIR);
  g_string_append (xml,
                   "<dir prefix=\"xdg\">fonts</dir>\n"
                   "<dir>~/.fonts</dir>\n"
                   "<cachedir>/var/cache/fontconfig</cachedir>\n"
                   "<cachedir prefix=\"xdg\">fontconfig</cachedir>\n"
                   "</fontconfig>\n");

  config = FcConfigCreate ();
  if (config == NULL)
    return FALSE;
  if (!FcConfigParseAndLoadFromMemory (config, (const FcChar8 *) xml->str, FcFalse) ||
      !FcConfigBuildFonts (config))
    {
      FcConfigDestroy (config);
      return FALSE;
    }
  fonts = FcConfigGetFonts (config, FcSetSystem);
  if (fonts == NULL || !has_family (fonts, "DejaVu Sans") ||
      !has_family (fonts, "Noto Sans CJK JP"))
    {
      /* The diagrams' fonts live elsewhere: the system's configuration knows where. */
      FcConfigDestroy (config);
      return FALSE;
    }
  /* The current configuration holds its own reference from here on. */
  FcConfigSetCurrent (config);
  FcConfigDestroy (config);
  return TRUE;
}

PangoContext *
fw_fonts_new_unhinted_context (cairo_antialias_t antialias)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, antialias);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}

void
fw_fonts_set_layout_font (PangoLayout *layout,
                          const char  *family,
                          double       size,
                          gboolean     bold)
{
  PangoFontDescription *font = pango_font_description_from_string (family);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
}
