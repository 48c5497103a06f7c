/** The head's form-wide actions of every kind's editor: 修改记录, and 下载 the saved version as .docx/.xlsx/.pdf. */
import { DownloadOutlined, HistoryOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Dropdown } from 'antd';
import { memo, useCallback, useRef } from 'react';
import { formDocumentUrl } from '../api.ts';

/**
 * Downloading the saved version of a form (every kind's editor): stable across keystrokes (the head's
 * buttons do not redraw on every key), and it says so when there are unsaved edits the file will not hold.
 */
export function useSavedDownload(savedId: number, dirty: boolean): (format: string) => void {
  const { message } = AntApp.useApp();
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  return useCallback(
    (format: string) => {
      if (dirtyRef.current) message.warning('下载的是已保存的版本；未保存的修改不在其中');
      window.location.href = formDocumentUrl(savedId, format);
    },
    [savedId, message],
  );
}

export const HeadActions = memo(function HeadActions({ openHistory, download }: { openHistory: () => void; download: (format: string) => void }) {
  return (
    <>
      <Button icon={<HistoryOutlined />} onClick={openHistory}>
        修改记录
      </Button>
      <Dropdown menu={{ items: ['docx', 'xlsx', 'pdf'].map((f) => ({ key: f, label: `下载 .${f}` })), onClick: ({ key }) => download(key) }}>
        <Button icon={<DownloadOutlined />} data-testid="download">
          下载
        </Button>
      </Dropdown>
    </>
  );
});
