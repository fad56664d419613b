/**
 * Market data in and out: reading CSV, CSV.gz and Parquet files into validated, columnar
 * {@link dev.quiver.data.Bars} ({@link dev.quiver.data.MarketData}), writing them back in their
 * source's layout, and resampling them to coarser timeframes ({@link dev.quiver.data.Resampler}).
 *
 * <p>Conventions: times are epoch milliseconds UTC and stamp a bar's OPEN; one
 * {@code Bars} holds one symbol at one timeframe; row problems are collected into a
 * {@link dev.quiver.data.ValidationReport} (file, 1-based line, column, value as written, rule
 * id) and the {@link dev.quiver.data.Policy} decides what happens to offending rows; file-level
 * problems throw {@link dev.quiver.error.BadInputException}. Parquet goes through the
 * {@link dev.quiver.data.TableFormat} plug-in of the {@code quiver-parquet} module, so this
 * package links no native library.
 */
package dev.quiver.data;
