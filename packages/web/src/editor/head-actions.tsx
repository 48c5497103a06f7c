/** The head's form-wide actions of every kind's editor: 修改记录, and 下载 the saved version as .docx/.xlsx/.pdf. */
import { DownloadOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { memo } from 'react';

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
