import type { ReactNode } from 'react';

/** One numeric column: its header and the value of a row. */
export interface NumberColumn<Row> {
  heading: string;
  value: (row: Row) => ReactNode;
}

/**
 * A table of regions (one row header each) and numbers, as the board and the dashboard show them: a caption,
 * `<th scope>` on both axes, the numbers in cells of `numberClassName`, and an optional footer row.
 */
export function RegionNumbersTable<Row>({
  caption,
  captionClassName,
  regionHeading,
  columns,
  rows,
  rowKey,
  rowHeader,
  numberClassName,
  footer,
}: {
  caption: string;
  captionClassName?: string;
  regionHeading: string;
  columns: ReadonlyArray<NumberColumn<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowHeader: (row: Row) => ReactNode;
  numberClassName: string;
  /** A row of totals: its header and one value per column. */
  footer?: { heading: string; values: readonly ReactNode[] };
}) {
  return (
    <table>
      <caption className={captionClassName}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{regionHeading}</th>
          {columns.map((column) => (
            <th key={column.heading} scope="col" className={numberClassName}>
              {column.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            <th scope="row">{rowHeader(row)}</th>
            {columns.map((column) => (
              <td key={column.heading} className={numberClassName}>
                {column.value(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {footer && (
        <tfoot>
          <tr>
            <th scope="row">{footer.heading}</th>
            {footer.values.map((value, index) => (
              <td key={index} className={numberClassName}>
                {value}
              </td>
            ))}
          </tr>
        </tfoot>
      )}
    </table>
  );
}
