/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>
#include <gio/gio.h>

/* Zip files made in a test, to feed the XLSX reader workbooks of a known shape
 * (and broken ones): stored or deflated entries, a central directory, its end. */

typedef struct
{
  const char *name;
  const char *data;             /* NUL-terminated, unless @compressed is set */
  gboolean    deflate;
  GBytes     *compressed;       /* raw deflate data written as is (method 8), or NULL */
  guint32     size;             /* the size stated for @compressed */
} FwTestZipEntry;

static inline guint32
fw_test_crc32 (const guint8 *p,
               gsize         n)
{
  guint32 crc = 0xffffffffu;

  for (gsize i = 0; i < n; i++)
    {
      crc ^= p[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }
  return ~crc;
}

/* @prefix, then @pattern (whose length divides 65536) repeated for @n bytes,
 * deflated (raw, as in a zip) without holding them all: a zip bomb's entry. */
static inline GBytes *
fw_test_deflate_repeated (const char *prefix,
                          const char *pattern,
                          gsize       n)
{
  g_autoptr(GZlibCompressor) deflater = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW, 9);
  GByteArray *out = g_byte_array_new ();
  static guint8 in[65536], head[65536];
  guint8 buf[65536];
  gsize left = n, plen = strlen (pattern);
  gboolean first = TRUE;

  g_assert_true (sizeof in % plen == 0 && strlen (prefix) < sizeof head);
  for (gsize i = 0; i < sizeof in; i++)
    in[i] = pattern[i % plen];
  /* The prefix over the first whole patterns (the rest blank), so the rest stays
   * aligned. */
  memcpy (head, in, sizeof head);
  memset (head, ' ', (strlen (prefix) + plen - 1) / plen * plen);
  memcpy (head, prefix, strlen (prefix));
  for (;;)
    {
      gsize chunk = MIN (left, sizeof in), pos = 0;
      const guint8 *data = first ? head : in;

      first = FALSE;
      for (;;)
        {
          gsize n_read = 0, n_written = 0;
          g_autoptr(GError) error = NULL;
          GConverterResult result;

          result = g_converter_convert (G_CONVERTER (deflater), data + pos, chunk - pos, buf,
                                        sizeof buf, chunk == left ? G_CONVERTER_INPUT_AT_END : 0,
                                        &n_read, &n_written, &error);
          g_assert_no_error (error);
          g_byte_array_append (out, buf, n_written);
          pos += n_read;
          if (result == G_CONVERTER_FINISHED)
            return g_byte_array_free_to_bytes (out);
          if (pos == chunk && chunk != left)
            break;
        }
      left -= chunk;
    }
}

static inline GBytes *
fw_test_deflate (const char *data,
                 gsize       len)
{
  g_autoptr(GZlibCompressor) deflater = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW, 6);
  g_autoptr(GError) error = NULL;
  GByteArray *out = g_byte_array_new ();
  guint8 buf[65536];
  gsize done = 0;

  for (;;)
    {
      gsize n_read = 0, n_written = 0;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (deflater), data + done, len - done, buf,
                                    sizeof buf, G_CONVERTER_INPUT_AT_END, &n_read, &n_written,
                                    &error);
      g_assert_no_error (error);
      g_byte_array_append (out, buf, n_written);
      done += n_read;
      if (result == G_CONVERTER_FINISHED)
        break;
    }
  return g_byte_array_free_to_bytes (out);
}

static inline void
fw_test_put16 (GByteArray *a,
               guint       v)
{
  guint8 b[2] = { v & 0xff, (v >> 8) & 0xff };

  g_byte_array_append (a, b, 2);
}

static inline void
fw_test_put32 (GByteArray *a,
               guint32     v)
{
  guint8 b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >> 24) & 0xff };

  g_byte_array_append (a, b, 4);
}

static inline GBytes *
fw_test_zip (const FwTestZipEntry *entries,
             guint                 n)
{
  GByteArray *zip = g_byte_array_new ();
  g_autoptr(GByteArray) central = g_byte_array_new ();

  for (guint i = 0; i < n; i++)
    {
      const FwTestZipEntry *e = &entries[i];
      g_autoptr(GBytes) packed = NULL;
      const guint8 *body;
      gsize body_len, size;
      guint32 crc, offset = zip->len;
      gboolean deflated = e->deflate || e->compressed != NULL;

      if (e->compressed != NULL)
        {
          packed = g_bytes_ref (e->compressed);
          size = e->size;
          crc = 0;
        }
      else
        {
          size = strlen (e->data);
          crc = fw_test_crc32 ((const guint8 *) e->data, size);
          packed = e->deflate ? fw_test_deflate (e->data, size) : g_bytes_new (e->data, size);
        }
      body = g_bytes_get_data (packed, &body_len);

      for (int pass = 0; pass < 2; pass++)
        {
          GByteArray *a = pass == 0 ? zip : central;

          g_byte_array_append (a, (const guint8 *) (pass == 0 ? "PK\003\004" : "PK\001\002"),
                               4);
          if (pass == 1)
            fw_test_put16 (a, 20);                /* made by */
          fw_test_put16 (a, 20);                  /* version needed */
          fw_test_put16 (a, 0);                   /* flags */
          fw_test_put16 (a, deflated ? 8 : 0);
          fw_test_put16 (a, 0);                   /* time */
          fw_test_put16 (a, 0x21);                /* date */
          fw_test_put32 (a, crc);
          fw_test_put32 (a, body_len);
          fw_test_put32 (a, size);
          fw_test_put16 (a, strlen (e->name));
          fw_test_put16 (a, 0);                   /* extra */
          if (pass == 1)
            {
              fw_test_put16 (a, 0);               /* comment */
              fw_test_put16 (a, 0);               /* disk */
              fw_test_put16 (a, 0);               /* internal attributes */
              fw_test_put32 (a, 0);               /* external attributes */
              fw_test_put32 (a, offset);
            }
          g_byte_array_append (a, (const guint8 *) e->name, strlen (e->name));
          if (pass == 0)
            g_byte_array_append (a, body, body_len);
        }
    }
  {
    guint32 cd_offset = zip->len;

    g_byte_array_append (zip, central->data, central->len);
    g_byte_array_append (zip, (const guint8 *) "PK\005\006", 4);
    fw_test_put16 (zip, 0);
    fw_test_put16 (zip, 0);
    fw_test_put16 (zip, n);
    fw_test_put16 (zip, n);
    fw_test_put32 (zip, central->len);
    fw_test_put32 (zip, cd_offset);
    fw_test_put16 (zip, 0);
  }
  return g_byte_array_free_to_bytes (zip);
}
