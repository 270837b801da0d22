import { Alert, Button, Empty, Spin } from "antd";
import type { ReactNode } from "react";
import { formatApiError, readApiError } from "../api/errors.ts";

interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

interface Props<T> {
  query: QueryLike<T>;
  /** True when the loaded data has nothing to show. */
  isEmpty?: (data: T) => boolean;
  emptyText?: ReactNode;
  children: (data: T) => ReactNode;
}

/** Loading, error (with retry) and empty states for one query, so every screen has all three. */
export function QueryState<T>({ query, isEmpty, emptyText = "暂无数据", children }: Props<T>) {
  if (query.isPending) {
    return (
      <div style={{ padding: 48, textAlign: "center" }} role="status" aria-live="polite">
        <Spin description="加载中…">
          <div style={{ width: 1, height: 48 }} />
        </Spin>
      </div>
    );
  }
  if (query.isError) {
    const code = readApiError(query.error).code;
    const title = code === "FORBIDDEN" ? "没有权限" : code === "NOT_FOUND" ? "内容不存在" : "加载失败";
    return (
      <Alert
        type="error"
        showIcon
        title={title}
        description={formatApiError(query.error)}
        action={
          <Button size="small" onClick={() => void query.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  const data = query.data as T;
  if (isEmpty?.(data)) return <Empty description={emptyText} />;
  return <>{children(data)}</>;
}
