<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AlarmPopup</name>
        <message numerus="yes">
            <location filename="../../ui/alarm_notifier.py" line="63" />
            <source>… and %n more gantries</source>
            <translation>
                <numerusform>…另有 %n 个门架</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>AlarmView</name>
        <message>
            <location filename="../../ui/alarm_view.py" line="94" />
            <source>All severities</source>
            <translation>全部级别</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="96" />
            <source>≥ %1</source>
            <translation>≥ %1</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="99" />
            <source>All states</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="99" />
            <source>Unacknowledged</source>
            <translation>未确认</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="100" />
            <source>Acknowledged</source>
            <translation>已确认</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="100" />
            <source>Cleared</source>
            <translation>已恢复</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="101" />
            <source>Shelved</source>
            <translation>已搁置</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="106" />
            <source>Acknowledge…</source>
            <translation>确认…</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="108" />
            <source>Shelve…</source>
            <translation>搁置…</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="110" />
            <source>Mute sound 15 min</source>
            <translation>静音 15 分钟</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="114" />
            <location filename="../../ui/alarm_view.py" line="250" />
            <source>Gantry</source>
            <translation>门架</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="115" />
            <source>Severity</source>
            <translation>级别</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="116" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="127" />
            <source>Active alarms</source>
            <translation>当前告警</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="165" />
            <source>%1 open, %2 unacknowledged</source>
            <translation>%1 条未关闭，%2 条未确认</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="179" />
            <source>All gantries</source>
            <translation>全部门架</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="210" />
            <source>Acknowledge</source>
            <translation>确认</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/alarm_view.py" line="211" />
            <source>Acknowledge %n alarm(s). Note (optional):</source>
            <translation>
                <numerusform>确认 %n 条告警。备注（可选）：</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="219" />
            <source>15 minutes</source>
            <translation>15 分钟</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="219" />
            <source>1 hour</source>
            <translation>1 小时</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="220" />
            <source>8 hours</source>
            <translation>8 小时</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="220" />
            <source>24 hours</source>
            <translation>24 小时</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="221" />
            <source>Shelve</source>
            <translation>搁置</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="222" />
            <source>Hide the selected alarms for:</source>
            <translation>将所选告警隐藏：</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="230" />
            <source>Muted until %1</source>
            <translation>静音至 %1</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="241" />
            <source>all gantries</source>
            <translation>全部门架</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="242" />
            <source>Search</source>
            <translation>查询</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="244" />
            <source>Export alarms (CSV)…</source>
            <translation>导出告警（CSV）…</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="246" />
            <source>Export events (CSV)…</source>
            <translation>导出事件（CSV）…</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="249" />
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="249" />
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="265" />
            <source>History and events</source>
            <translation>历史与事件</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="290" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="291" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_view.py" line="377" />
            <source>Alarms</source>
            <translation>告警</translation>
        </message>
    </context>
    <context>
        <name>CommLogView</name>
        <message>
            <location filename="../../ui/commlog.py" line="53" />
            <source>Rejected requests only</source>
            <translation>仅显示被拒绝的请求</translation>
        </message>
        <message>
            <location filename="../../ui/commlog.py" line="56" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../ui/commlog.py" line="56" />
            <source>Gantry</source>
            <translation>门架</translation>
        </message>
        <message>
            <location filename="../../ui/commlog.py" line="56" />
            <source>Peer</source>
            <translation>来源地址</translation>
        </message>
        <message>
            <location filename="../../ui/commlog.py" line="57" />
            <source>Method</source>
            <translation>接口</translation>
        </message>
        <message>
            <location filename="../../ui/commlog.py" line="57" />
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <location filename="../../ui/commlog.py" line="58" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/commlog.py" line="69" />
            <source>Select a request to see its raw JSON body.</source>
            <translation>选择一条请求以查看其原始 JSON 报文。</translation>
        </message>
        <message>
            <location filename="../../ui/commlog.py" line="133" />
            <source>%1 requests shown, %2 rejected</source>
            <translation>显示 %1 条请求，其中 %2 条被拒绝</translation>
        </message>
        <message>
            <location filename="../../ui/commlog.py" line="155" />
            <source>Cannot read the request: %1</source>
            <translation>无法读取该请求：%1</translation>
        </message>
        <message>
            <location filename="../../ui/commlog.py" line="159" />
            <source>(empty body)</source>
            <translation>（空报文）</translation>
        </message>
        <message>
            <location filename="../../ui/commlog.py" line="174" />
            <source>(a gzip body of %1 bytes, not unpacked: %2)</source>
            <translation>（gzip 压缩的请求体，%1 字节，未解压：%2）</translation>
        </message>
        <message>
            <location filename="../../ui/commlog.py" line="180" />
            <source>… (%1 more bytes not shown)</source>
            <translation>……（另有 %1 字节未显示）</translation>
        </message>
    </context>
    <context>
        <name>Computers</name>
        <message>
            <location filename="../../ui/tree.py" line="158" />
            <source>Monitoring PC</source>
            <translation>监控工控机</translation>
        </message>
        <message>
            <location filename="../../ui/tree.py" line="160" />
            <source>Toll PC (primary)</source>
            <translation>收费工控机（主）</translation>
        </message>
        <message>
            <location filename="../../ui/tree.py" line="162" />
            <source>Toll PC (standby)</source>
            <translation>收费工控机（备）</translation>
        </message>
        <message>
            <location filename="../../ui/tree.py" line="164" />
            <source>Computer</source>
            <translation>工控机</translation>
        </message>
    </context>
    <context>
        <name>ComputersView</name>
        <message>
            <location filename="../../ui/computers.py" line="37" />
            <source>Computer</source>
            <translation>工控机</translation>
        </message>
        <message>
            <location filename="../../ui/computers.py" line="37" />
            <source>IP</source>
            <translation>IP 地址</translation>
        </message>
        <message>
            <location filename="../../ui/computers.py" line="37" />
            <source>CPU</source>
            <translation>CPU 使用率</translation>
        </message>
        <message>
            <location filename="../../ui/computers.py" line="37" />
            <source>CPU temperature</source>
            <translation>CPU 温度</translation>
        </message>
        <message>
            <location filename="../../ui/computers.py" line="38" />
            <source>Memory (used / size)</source>
            <translation>内存（使用率 / 容量）</translation>
        </message>
        <message>
            <location filename="../../ui/computers.py" line="38" />
            <source>System disk (used / size)</source>
            <translation>系统盘（使用率 / 容量）</translation>
        </message>
        <message>
            <location filename="../../ui/computers.py" line="39" />
            <source>Data disk (used / size)</source>
            <translation>数据盘（使用率 / 容量）</translation>
        </message>
        <message>
            <location filename="../../ui/computers.py" line="39" />
            <source>Network</source>
            <translation>网络使用率</translation>
        </message>
        <message>
            <location filename="../../ui/computers.py" line="39" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/computers.py" line="53" />
            <source>No computer report received yet.</source>
            <translation>尚未收到工控机状态上报。</translation>
        </message>
        <message>
            <location filename="../../ui/computers.py" line="58" />
            <source>Gantry %1 — computers reported %2 (%3)</source>
            <translation>门架 %1 — 工控机上报于 %2（%3）</translation>
        </message>
        <message>
            <location filename="../../ui/computers.py" line="61" />
            <source>gantry offline: last known values</source>
            <translation>门架离线：显示最后已知数值</translation>
        </message>
        <message>
            <location filename="../../ui/computers.py" line="77" />
            <source>online</source>
            <translation>在线</translation>
        </message>
        <message>
            <location filename="../../ui/computers.py" line="77" />
            <source>offline</source>
            <translation>离线</translation>
        </message>
    </context>
    <context>
        <name>Demo</name>
        <message>
            <location filename="../../ui/demo.py" line="35" />
            <source>Demo gantry</source>
            <translation>演示门架</translation>
        </message>
        <message>
            <location filename="../../ui/main.py" line="133" />
            <source>demo (simulated gantry, data discarded on exit)</source>
            <translation>演示模式（模拟门架，退出时丢弃数据）</translation>
        </message>
    </context>
    <context>
        <name>GantryTree</name>
        <message>
            <location filename="../../ui/tree.py" line="32" />
            <source>Filter by name or id</source>
            <translation>按名称或编号筛选</translation>
        </message>
        <message>
            <location filename="../../ui/tree.py" line="36" />
            <source>Gantry</source>
            <translation>门架</translation>
        </message>
        <message>
            <location filename="../../ui/tree.py" line="36" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/tree.py" line="36" />
            <source>Alarms</source>
            <translation>告警</translation>
        </message>
        <message>
            <location filename="../../ui/tree.py" line="86" />
            <source>never heard</source>
            <translation>从未上报</translation>
        </message>
        <message>
            <location filename="../../ui/tree.py" line="88" />
            <source>online</source>
            <translation>在线</translation>
        </message>
        <message>
            <location filename="../../ui/tree.py" line="90" />
            <source>offline</source>
            <translation>离线</translation>
        </message>
        <message>
            <location filename="../../ui/tree.py" line="92" />
            <source>Last report: %1 from %2</source>
            <translation>最后上报：%1，来自 %2</translation>
        </message>
        <message>
            <location filename="../../ui/tree.py" line="96" />
            <source>Cabinet %1</source>
            <translation>机柜 %1</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="108" />
            <source>Gantry Monitor</source>
            <translation>门架监控</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="116" />
            <source>Cabinet schematic</source>
            <translation>机柜示意图</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="117" />
            <source>Computers</source>
            <translation>工控机</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="118" />
            <source>Communication log</source>
            <translation>通信日志</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="179" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="180" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="184" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="185" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="200" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="201" />
            <source>The language will change the next time Gantry Monitor starts.</source>
            <translation>语言将在下次启动门架监控时生效。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="227" />
            <source>&amp;About Gantry Monitor</source>
            <translation>关于门架监控(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="223" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="205" />
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="224" />
            <source>Copy &amp;diagnostics</source>
            <translation>复制诊断信息(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../ui/main.py" line="144" />
            <source>No gantry's reports reach this workstation until this is put right. Close the other program, or choose another port in File &gt; Settings: receiving starts as soon as the settings are saved. History, trends and control work meanwhile.</source>
            <translation>排除此问题之前，任何门架的上报都无法到达本工作站。请关闭占用端口的程序，或在“文件 &gt; 设置”中选择其他端口：设置保存后立即开始接收。在此期间，历史、趋势和控制功能照常可用。</translation>
        </message>
        <message>
            <location filename="../../ui/main.py" line="142" />
            <source>Not receiving reports</source>
            <translation>未在接收上报</translation>
        </message>
    </context>
    <context>
        <name>Schematic</name>
        <message>
            <location filename="../../ui/schematic/elements.py" line="48" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="49" />
            <source>Voltage</source>
            <translation>电压</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="50" />
            <source>Current</source>
            <translation>电流</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="51" />
            <source>Power</source>
            <translation>功率</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="52" />
            <source>Frequency</source>
            <translation>频率</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="53" />
            <source>Energy (cumulative)</source>
            <translation>累计电量</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="54" />
            <source>Warnings</source>
            <translation>告警信息</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="55" />
            <source>Current limiting</source>
            <translation>限流</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="56" />
            <source>Output voltage</source>
            <translation>输出电压</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="57" />
            <source>Output current</source>
            <translation>输出电流</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="58" />
            <source>Output power</source>
            <translation>输出功率</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="59" />
            <source>Running state</source>
            <translation>运行状态</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="60" />
            <source>Charge voltage</source>
            <translation>充电电压</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="61" />
            <source>Charge current</source>
            <translation>充电电流</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="62" />
            <source>Discharge voltage</source>
            <translation>放电电压</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="63" />
            <source>Discharge current</source>
            <translation>放电电流</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="64" />
            <source>Battery charge</source>
            <translation>电池电量</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="65" />
            <source>Remaining backup time</source>
            <translation>剩余后备时间</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="66" />
            <source>Remaining capacity</source>
            <translation>剩余容量</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="67" />
            <source>Temperature</source>
            <translation>温度</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="68" />
            <source>Humidity</source>
            <translation>湿度</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="69" />
            <source>Fault text</source>
            <translation>故障信息</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="70" />
            <source>Running</source>
            <translation>运行</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="71" />
            <source>Mode</source>
            <translation>模式</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="72" />
            <source>System alarm</source>
            <translation>系统告警</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="73" />
            <source>Temperature alarm</source>
            <translation>温度告警</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="74" />
            <source>Alarm</source>
            <translation>告警</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="75" />
            <source>Alarm state changed</source>
            <translation>告警状态变化时间</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="76" />
            <source>Armed</source>
            <translation>布防</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="77" />
            <source>Lightning strikes</source>
            <translation>雷击次数</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="87" />
            <source>Closed</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="88" />
            <source>Locked</source>
            <translation>上锁</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="89" />
            <source>Unlock type</source>
            <translation>开锁方式</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="90" />
            <source>Card</source>
            <translation>卡号</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="91" />
            <source>Opened illegally</source>
            <translation>非法开门</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="92" />
            <source>State changed</source>
            <translation>状态变化时间</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="93" />
            <location filename="../../ui/schematic/scene.py" line="96" />
            <source>Front door</source>
            <translation>前门</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="93" />
            <location filename="../../ui/schematic/scene.py" line="97" />
            <source>Back door</source>
            <translation>后门</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="129" />
            <source>not reported</source>
            <translation>未上报</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="161" />
            <source>Gantry offline: last known values</source>
            <translation>门架离线：最后已知数值</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="170" />
            <source>Reported %1 (%2)</source>
            <translation>上报于 %1（%2）</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="257" />
            <source>status abnormal</source>
            <translation>状态异常</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="276" />
            <source>Energy %1</source>
            <translation>电量 %1</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="285" />
            <source>not limiting</source>
            <translation>未限流</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="285" />
            <source>limiting</source>
            <translation>限流中</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="294" />
            <source>float charging</source>
            <translation>浮充</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="295" />
            <source>equalising charge</source>
            <translation>均充</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="296" />
            <source>discharging</source>
            <translation>放电</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="297" />
            <source>charging</source>
            <translation>充电</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="298" />
            <source>testing</source>
            <translation>测试</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="310" />
            <source>State: %1</source>
            <translation>状态：%1</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="311" />
            <source>Charge %1   Backup %2</source>
            <translation>电量 %1   后备 %2</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="313" />
            <source>min</source>
            <translation>分钟</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="315" />
            <source>Battery %1   %2</source>
            <translation>电池 %1   %2</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="317" />
            <source>Charge %1 %2   Discharge %3 %4</source>
            <translation>充电 %1 %2   放电 %3 %4</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="325" />
            <source>ventilation</source>
            <translation>通风</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="326" />
            <source>cooling</source>
            <translation>制冷</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="327" />
            <source>heating</source>
            <translation>制热</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="336" />
            <source>system alarm</source>
            <translation>系统告警</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="339" />
            <source>temperature alarm</source>
            <translation>温度告警</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="341" />
            <source>standby</source>
            <translation>待机</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="341" />
            <source>running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="343" />
            <source>Mode: %1</source>
            <translation>模式：%1</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="366" />
            <location filename="../../ui/schematic/elements.py" line="369" />
            <location filename="../../ui/schematic/elements.py" line="447" />
            <source>Changed:</source>
            <translation>变化时间：</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="375" />
            <source>WATER DETECTED</source>
            <translation>检测到水浸</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="376" />
            <source>dry</source>
            <translation>无水浸</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="380" />
            <source>SMOKE DETECTED</source>
            <translation>检测到烟雾</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="381" />
            <source>no smoke</source>
            <translation>无烟雾</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="389" />
            <source>Strikes %1</source>
            <translation>雷击 %1 次</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="400" />
            <source>disarmed</source>
            <translation>撤防</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="400" />
            <source>armed</source>
            <translation>布防</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="408" />
            <source>lock closed</source>
            <translation>锁闭</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="409" />
            <source>card</source>
            <translation>刷卡</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="410" />
            <source>remote command</source>
            <translation>远程命令</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="411" />
            <source>key</source>
            <translation>钥匙</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="438" />
            <source>OPENED ILLEGALLY</source>
            <translation>非法开门</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="441" />
            <source>OPEN</source>
            <translation>打开</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="441" />
            <source>closed</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="442" />
            <source>unlocked</source>
            <translation>未上锁</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="442" />
            <source>locked</source>
            <translation>已上锁</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="445" />
            <source>Unlock: %1</source>
            <translation>开锁：%1</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="446" />
            <source>Card: %1</source>
            <translation>卡号：%1</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/scene.py" line="98" />
            <source>Door access</source>
            <translation>门禁</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/scene.py" line="99" />
            <source>Thermohygrometer</source>
            <translation>温湿度计</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/scene.py" line="100" />
            <source>Smoke sensor</source>
            <translation>烟雾传感器</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/scene.py" line="101" />
            <source>Water sensor</source>
            <translation>水浸传感器</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/scene.py" line="156" />
            <source>Mains input %1</source>
            <translation>市电输入 %1</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/scene.py" line="158" />
            <source>Rectifier %1</source>
            <translation>整流模块 %1</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/scene.py" line="160" />
            <source>UPS / battery %1</source>
            <translation>UPS / 蓄电池 %1</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/scene.py" line="163" />
            <source>Air conditioner %1</source>
            <translation>空调 %1</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/scene.py" line="166" />
            <source>Surge protector %1</source>
            <translation>防雷器 %1</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="204" />
            <source>Alarm: %1 (%2)</source>
            <translation>告警：%1（%2）</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="218" />
            <source>24 h</source>
            <translation>24 小时</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="330" />
            <source>Line at the bottom: the last 24 h; click it to open the trend</source>
            <translation>底部曲线：最近 24 小时；点击打开趋势</translation>
        </message>
        <message>
            <location filename="../../ui/schematic/elements.py" line="225" />
            <source>no values in 24 h</source>
            <translation>24 小时内无数值</translation>
        </message>
    </context>
    <context>
        <name>SchematicPage</name>
        <message>
            <location filename="../../ui/main_window.py" line="57" />
            <source>Cabinet:</source>
            <translation>机柜：</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="72" />
            <location filename="../../ui/main_window.py" line="88" />
            <source>Cabinet %1</source>
            <translation>机柜 %1</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="77" />
            <source>No gantry selected.</source>
            <translation>未选择门架。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="79" />
            <source>%1: no cabinet report received yet.</source>
            <translation>%1：尚未收到机柜状态上报。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="82" />
            <source>%1 — reported %2 (%3)</source>
            <translation>%1 — 上报于 %2（%3）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="86" />
            <source>OFFLINE</source>
            <translation>离线</translation>
        </message>
    </context>
    <context>
        <name>Severity</name>
        <message>
            <location filename="../../ui/style.py" line="50" />
            <source>ALARM</source>
            <translation>告警</translation>
        </message>
        <message>
            <location filename="../../ui/style.py" line="52" />
            <source>WARNING</source>
            <translation>警告</translation>
        </message>
        <message>
            <location filename="../../ui/style.py" line="54" />
            <source>NO DATA</source>
            <translation>无数据</translation>
        </message>
        <message>
            <location filename="../../ui/style.py" line="59" />
            <source>OFFLINE</source>
            <translation>离线</translation>
        </message>
    </context>
    <context>
        <name>StatusBar</name>
        <message>
            <location filename="../../ui/status.py" line="24" />
            <source>Receiver starting…</source>
            <translation>接收服务启动中…</translation>
        </message>
        <message>
            <location filename="../../ui/status.py" line="37" />
            <source>Receiving on %1</source>
            <translation>正在接收：%1</translation>
        </message>
        <message>
            <location filename="../../ui/status.py" line="40" />
            <source>Receiver not running: %1</source>
            <translation>接收服务未运行：%1</translation>
        </message>
        <message>
            <location filename="../../ui/status.py" line="41" />
            <source>stopped</source>
            <translation>已停止</translation>
        </message>
        <message>
            <location filename="../../ui/status.py" line="48" />
            <source>Gantries online: %1 / %2</source>
            <translation>在线门架：%1 / %2</translation>
        </message>
        <message>
            <location filename="../../ui/status.py" line="70" />
            <source>Last hour: %1 accepted, %2 rejected</source>
            <translation>最近一小时：接收 %1，拒绝 %2</translation>
        </message>
        <message>
            <location filename="../../ui/status.py" line="35" />
            <source>A TLS certificate is set but no key file: set the key file too.</source>
            <translation>已设置 TLS 证书但未设置私钥文件：请同时设置私钥文件。</translation>
        </message>
        <message>
            <location filename="../../ui/status.py" line="34" />
            <source>Cannot listen on %1: %2.</source>
            <translation>无法在 %1 上监听：%2。</translation>
        </message>
        <message>
            <location filename="../../ui/status.py" line="37" />
            <source>Cannot load the TLS certificate or key (%1): %2</source>
            <translation>无法加载 TLS 证书或私钥（%1）：%2</translation>
        </message>
        <message>
            <location filename="../../ui/status.py" line="32" />
            <source>No permission to listen on %1; choose a port above 1024.</source>
            <translation>无权在 %1 上监听；请选择 1024 以上的端口。</translation>
        </message>
        <message>
            <location filename="../../ui/status.py" line="30" />
            <source>Port %1 is already in use by another program (%2).</source>
            <translation>端口 %1 已被其他程序占用（%2）。</translation>
        </message>
        <message>
            <location filename="../../ui/status.py" line="39" />
            <source>Writing to the disk failed (%1): nothing more is stored until a restart.</source>
            <translation>写入磁盘失败（%1）：重新启动之前不再保存任何数据。</translation>
        </message>
    </context>
    <context>
        <name>Text</name>
        <message>
            <location filename="../../ui/text.py" line="25" />
            <source>no data</source>
            <translation>无数据</translation>
        </message>
        <message>
            <location filename="../../ui/text.py" line="27" />
            <source>read failed</source>
            <translation>读取失败</translation>
        </message>
        <message>
            <location filename="../../ui/text.py" line="29" />
            <source>not supported</source>
            <translation>不支持</translation>
        </message>
        <message>
            <location filename="../../ui/text.py" line="31" />
            <source>empty</source>
            <translation>空</translation>
        </message>
        <message>
            <location filename="../../ui/text.py" line="68" />
            <source>code %1</source>
            <translation>代码 %1</translation>
        </message>
        <message>
            <location filename="../../ui/text.py" line="93" />
            <source>abnormal</source>
            <translation>异常</translation>
        </message>
        <message>
            <location filename="../../ui/text.py" line="94" />
            <source>normal</source>
            <translation>正常</translation>
        </message>
        <message>
            <location filename="../../ui/text.py" line="100" />
            <source>never</source>
            <translation>从未</translation>
        </message>
        <message>
            <location filename="../../ui/text.py" line="108" />
            <source>%1 s ago</source>
            <translation>%1 秒前</translation>
        </message>
        <message>
            <location filename="../../ui/text.py" line="110" />
            <source>%1 min ago</source>
            <translation>%1 分钟前</translation>
        </message>
        <message>
            <location filename="../../ui/text.py" line="112" />
            <source>%1 h ago</source>
            <translation>%1 小时前</translation>
        </message>
        <message>
            <location filename="../../ui/text.py" line="113" />
            <source>%1 d ago</source>
            <translation>%1 天前</translation>
        </message>
    </context>
    <context>
        <name>self.view</name>
        <message>
            <location filename="../../ui/alarm_view.py" line="334" />
            <source>Alarms</source>
            <translation type="vanished" />
        </message>
    </context>
    <context>
        <name>About</name>
        <message>
            <location filename="../../ui/main.py" line="115" />
            <source>Diagnostics copied to the clipboard (auth codes and PIN masked).</source>
            <translation>诊断信息已复制到剪贴板（认证码和 PIN 已隐去）。</translation>
        </message>
        <message>
            <location filename="../../ui/about.py" line="75" />
            <source>&lt;h3&gt;Gantry Monitor %1&lt;/h3&gt;&lt;p&gt;Supervisory application for ETC toll gantries: receives device reports, keeps their history, raises alarms and sends control commands.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;门架监控 %1&lt;/h3&gt;&lt;p&gt;ETC 收费门架监控软件：接收设备上报、保存历史数据、产生告警并下发控制命令。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/about.py" line="82" />
            <source>About Gantry Monitor</source>
            <translation>关于门架监控</translation>
        </message>
    </context>
    <context>
        <name>AlarmTable</name>
        <message>
            <location filename="../../ui/alarm_model.py" line="63" />
            <source>Acknowledged</source>
            <translation>已确认</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_model.py" line="63" />
            <source>Alarm</source>
            <translation>告警</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_model.py" line="143" />
            <source>Cabinet</source>
            <translation>机柜</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_model.py" line="63" />
            <source>Cleared</source>
            <translation>已恢复</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_model.py" line="116" />
            <source>Double-click to view the door-open capture</source>
            <translation>双击查看开门抓拍</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_model.py" line="143" />
            <source>Event</source>
            <translation>事件</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_model.py" line="63" />
            <source>Gantry</source>
            <translation>门架</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_model.py" line="63" />
            <source>Raised</source>
            <translation>产生时间</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_model.py" line="63" />
            <source>Severity</source>
            <translation>级别</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_model.py" line="63" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_model.py" line="63" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_model.py" line="143" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_model.py" line="63" />
            <source>Value</source>
            <translation>数值</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_model.py" line="143" />
            <source>Who / how</source>
            <translation>操作人 / 方式</translation>
        </message>
        <message>
            <location filename="../../ui/alarm_model.py" line="75" />
            <source>shelved until %1</source>
            <translation>搁置至 %1</translation>
        </message>
    </context>
    <context>
        <name>AlarmUi</name>
        <message>
            <location filename="../../ui/alarm_view.py" line="377" />
            <source>Alarms</source>
            <translation type="vanished">告警</translation>
        </message>
    </context>
    <context>
        <name>CaptureThumbnail</name>
        <message>
            <location filename="../../ui/media_thumbs.py" line="82" />
            <source>%n capture(s): click to view</source>
            <translation>%n 个抓拍：点击查看</translation>
        </message>
        <message>
            <location filename="../../ui/media_thumbs.py" line="84" />
            <source>capture cannot be shown</source>
            <translation>抓拍无法显示</translation>
        </message>
        <message>
            <location filename="../../ui/media_thumbs.py" line="57" />
            <source>no capture yet</source>
            <translation>尚无抓拍</translation>
        </message>
    </context>
    <context>
        <name>CaptureView</name>
        <message>
            <location filename="../../ui/media_viewer.py" line="311" />
            <source>%1 cannot be shown as a picture.</source>
            <translation>%1 无法作为图片显示。</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="316" />
            <source>%1 — %2 × %3 pixels</source>
            <translation>%1 — %2 × %3 像素</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="252" />
            <source>100%</source>
            <translation>100%</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="251" />
            <source>Fit</source>
            <translation>适应窗口</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="280" />
            <source>No capture selected.</source>
            <translation>未选择抓拍。</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="257" />
            <source>Open with the system player</source>
            <translation>用系统播放器打开</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="256" />
            <source>Save as…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="343" />
            <source>Save capture as</source>
            <translation>抓拍另存为</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="299" />
            <source>The file %1 is missing (deleted by retention or by hand?).</source>
            <translation>文件 %1 不存在（已被保留期限清理或被手工删除？）。</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="322" />
            <source>This video cannot be played here (%1).</source>
            <translation>此视频无法在此播放（%1）。</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="253" />
            <source>Zoom in</source>
            <translation>放大</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="254" />
            <source>Zoom out</source>
            <translation>缩小</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="333" />
            <source>no video stream it can decode</source>
            <translation>没有可解码的视频流</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="323" />
            <source>unsupported format</source>
            <translation>不支持的格式</translation>
        </message>
    </context>
    <context>
        <name>Control</name>
        <message>
            <location filename="../../ui/control_panel.py" line="394" />
            <source>%1:
%2?

The command is sent to the device at once.</source>
            <translation>%1：
%2？

命令将立即发送到设备。</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="254" />
            <source>0 — no load shedding</source>
            <translation>0 — 不卸载负载</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="254" />
            <source>1 — air conditioners off</source>
            <translation>1 — 关闭空调</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="255" />
            <source>2 — rear plate cameras off</source>
            <translation>2 — 关闭车尾车牌识别摄像机</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="255" />
            <source>3 — rear antennas off</source>
            <translation>3 — 关闭后天线</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="131" />
            <source>Accepted by device: %1.</source>
            <translation>设备已接受：%1。</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="129" />
            <source>Accepted by device: %1; waiting for a report to confirm it.</source>
            <translation>设备已接受：%1；等待状态上报确认。</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="281" />
            <source>Access cards</source>
            <translation>门禁卡</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="90" />
            <source>Access-card whitelist</source>
            <translation>门禁卡白名单</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="98" />
            <source>Add card</source>
            <translation>添加卡</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="229" />
            <source>Air conditioner 1</source>
            <translation>1 号空调</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="230" />
            <source>Air conditioner 2</source>
            <translation>2 号空调</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="240" />
            <source>Air conditioners</source>
            <translation>空调</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="229" />
            <source>All air conditioners</source>
            <translation>全部空调</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="360" />
            <source>Already pending: %1.</source>
            <translation>已在执行中：%1。</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="223" />
            <source>Arm door alarm</source>
            <translation>门禁告警布防</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="232" />
            <source>Average discharge current</source>
            <translation>平均放电电流</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="267" />
            <source>Battery</source>
            <translation>蓄电池</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="234" />
            <source>Battery temperature</source>
            <translation>蓄电池温度</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="211" />
            <source>Battery test result</source>
            <translation>蓄电池测试结果</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="272" />
            <source>Battery test result…</source>
            <translation>蓄电池测试结果…</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="172" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="70" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="367" />
            <source>Cancelled: %1.</source>
            <translation>已取消：%1。</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="92" />
            <source>Card id</source>
            <translation>卡号</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="393" />
            <source>Confirm command</source>
            <translation>确认命令</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="123" />
            <source>Confirmed by report: %1.</source>
            <translation>已由上报确认：%1。</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="436" />
            <source>Control</source>
            <translation>控制</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="245" />
            <source>Cool above</source>
            <translation>制冷启动温度</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="224" />
            <source>Disarm door alarm</source>
            <translation>门禁告警撤防</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="230" />
            <source>Discharge time</source>
            <translation>放电时长</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="233" />
            <source>Discharged capacity</source>
            <translation>放电容量</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="218" />
            <source>Doors</source>
            <translation>柜门</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="277" />
            <source>Edit and send whitelist…</source>
            <translation>编辑并下发白名单…</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="229" />
            <source>Efficiency</source>
            <translation>效率</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="231" />
            <source>End-of-discharge voltage</source>
            <translation>放电终止电压</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="92" />
            <source>Expires</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="101" />
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="177" />
            <source>Export card list</source>
            <translation>导出卡列表</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="426" />
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="385" />
            <source>Failed: an unexpected error; see the log file.</source>
            <translation>失败：发生意外错误，详见日志文件。</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="140" />
            <source>Failed: the connection to %1 broke off.</source>
            <translation>失败：与 %1 的连接中断。</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="134" />
            <source>Failed: the device at %1 could not be reached.</source>
            <translation>失败：无法连接 %1 的设备。</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="136" />
            <source>Failed: the device at %1 did not answer in time.</source>
            <translation>失败：%1 的设备未在规定时间内应答。</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="144" />
            <source>Failed: the device refused to %1 — %2 %3 (%4).</source>
            <translation>失败：设备拒绝%1 — %2 %3（%4）。</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="142" />
            <source>Failed: the device's answer is not a protocol answer (%1).</source>
            <translation>失败：设备的应答不是协议规定的应答（%1）。</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="138" />
            <source>Failed: the secure connection to %1 failed.</source>
            <translation>失败：与 %1 的安全连接建立失败。</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="331" />
            <source>Gantry %1</source>
            <translation>门架 %1</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="332" />
            <source>Gantry %1, cabinet %2</source>
            <translation>门架 %1，机柜 %2</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="246" />
            <source>Heat below</source>
            <translation>制热启动温度</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="235" />
            <source>How the test ended</source>
            <translation>测试结束原因</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="100" />
            <source>Import CSV…</source>
            <translation>导入 CSV…</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="171" />
            <source>Import card list</source>
            <translation>导入卡列表</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="297" />
            <source>Industrial PCs (instead of the cabinet)</source>
            <translation>工控机（而非机柜）</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="320" />
            <source>No gantry selected.</source>
            <translation>未选择门架。</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="426" />
            <source>Not confirmed</source>
            <translation>未确认</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="125" />
            <source>Not confirmed: the device accepted “%1”, but no report within %2 s shows it.</source>
            <translation>未确认：设备已接受“%1”，但 %2 秒内没有上报显示该结果。</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="166" />
            <source>Not exported: %1</source>
            <translation>未导出：%1</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="154" />
            <source>Not imported: %1</source>
            <translation>未导入：%1</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="426" />
            <source>Not sent</source>
            <translation>未发送</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="188" />
            <source>Not sent: %1</source>
            <translation>未发送：%1</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="375" />
            <source>Not sent: no control address is known for gantry %1; set one in its settings.</source>
            <translation>未发送：门架 %1 没有已知的控制地址，请在其设置中填写。</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="64" />
            <source>Operator PIN:</source>
            <translation>操作员 PIN：</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="423" />
            <source>Pending: %1</source>
            <translation>执行中：%1</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="121" />
            <source>Pending: %1 …</source>
            <translation>执行中：%1 …</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="257" />
            <source>Power</source>
            <translation>供电</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="289" />
            <source>Reboot</source>
            <translation>重启</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="262" />
            <source>Rectifiers off</source>
            <translation>关闭整流模块</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="260" />
            <source>Rectifiers on</source>
            <translation>开启整流模块</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="290" />
            <source>Relay IP</source>
            <translation>继电器 IP</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="291" />
            <source>Relay port</source>
            <translation>继电器端口</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="99" />
            <source>Remove card</source>
            <translation>删除卡</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="306" />
            <source>Report now</source>
            <translation>立即上报</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="305" />
            <source>Reporting</source>
            <translation>上报</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="217" />
            <source>Result: %1</source>
            <translation>结果：%1</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="242" />
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="68" />
            <source>Send command</source>
            <translation>发送命令</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="112" />
            <source>Send to device…</source>
            <translation>下发到设备…</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="311" />
            <source>Set period</source>
            <translation>设置周期</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="258" />
            <source>Set power mode</source>
            <translation>设置供电模式</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="309" />
            <source>Set server</source>
            <translation>设置服务器</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="247" />
            <source>Set set-points</source>
            <translation>设置温度设定值</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="243" />
            <source>Standby</source>
            <translation>待机</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="268" />
            <source>Start battery test</source>
            <translation>开始蓄电池测试</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="270" />
            <source>Stop battery test</source>
            <translation>停止蓄电池测试</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="228" />
            <source>Test started</source>
            <translation>测试已开始</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="118" />
            <source>The device replaces its whole list with this one.</source>
            <translation>设备将用此列表替换其全部白名单。</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="221" />
            <source>Unlock back door</source>
            <translation>打开后门锁</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="219" />
            <source>Unlock front door</source>
            <translation>打开前门锁</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="79" />
            <source>Wrong PIN: the command was not sent.</source>
            <translation>PIN 错误：命令未发送。</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="79" />
            <source>air conditioner %1</source>
            <translation>%1 号空调</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="79" />
            <source>all air conditioners</source>
            <translation>全部空调</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="104" />
            <source>arm the door alarm</source>
            <translation>门禁告警布防</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="78" />
            <source>back door</source>
            <translation>后门</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="64" />
            <source>bad parameters</source>
            <translation>参数错误</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="204" />
            <source>battery charge too low</source>
            <translation>蓄电池电量过低</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="204" />
            <source>battery normal</source>
            <translation>蓄电池正常</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="204" />
            <source>battery temperature too low</source>
            <translation>蓄电池温度过低</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="65" />
            <source>clock difference too large</source>
            <translation>时钟偏差过大</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="104" />
            <source>disarm the door alarm</source>
            <translation>门禁告警撤防</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="204" />
            <source>end voltage reached</source>
            <translation>达到终止电压</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="78" />
            <source>front door</source>
            <translation>前门</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="66" />
            <source>invalid signature</source>
            <translation>签名无效</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="100" />
            <source>level 1: air conditioners off</source>
            <translation>1 级：关闭空调</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="101" />
            <source>level 2: rear plate cameras off</source>
            <translation>2 级：关闭车尾车牌识别摄像机</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="101" />
            <source>level 3: rear antennas off</source>
            <translation>3 级：关闭后天线</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="100" />
            <source>no load shedding</source>
            <translation>不卸载负载</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="204" />
            <source>no result</source>
            <translation>无结果</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="63" />
            <source>not authorised: check the device auth code</source>
            <translation>未授权：请检查设备认证码</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="202" />
            <source>not reported</source>
            <translation>未上报</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="204" />
            <source>other</source>
            <translation>其他</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="113" />
            <source>read the battery test result</source>
            <translation>读取蓄电池测试结果</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="89" />
            <source>reboot through the relay at %1:%2</source>
            <translation>通过 %1:%2 的继电器重启</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="106" />
            <source>replace the access-card whitelist with %1 card(s)</source>
            <translation>将门禁卡白名单替换为 %1 张卡</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="87" />
            <source>report every %1 s</source>
            <translation>每 %1 秒上报一次</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="82" />
            <source>report status now</source>
            <translation>立即上报状态</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="82" />
            <source>report status now (industrial PCs)</source>
            <translation>立即上报状态（工控机）</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="85" />
            <source>report to the server %1</source>
            <translation>上报到服务器 %1</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="204" />
            <source>seriously abnormal</source>
            <translation>严重异常</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="97" />
            <source>set %1 to cool above %2 °C and heat below %3 °C</source>
            <translation>将%1设为高于 %2 °C 制冷、低于 %3 °C 制热</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="102" />
            <source>set the power mode to %1</source>
            <translation>将供电模式设为%1</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="204" />
            <source>slightly abnormal</source>
            <translation>轻微异常</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="112" />
            <source>start the battery test</source>
            <translation>开始蓄电池测试</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="112" />
            <source>stop the battery test</source>
            <translation>停止蓄电池测试</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="204" />
            <source>stopped by alarm</source>
            <translation>因告警停止</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="204" />
            <source>stopped by fault alarm</source>
            <translation>因故障告警停止</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="204" />
            <source>stopped manually</source>
            <translation>手动停止</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="94" />
            <source>switch %1 to run</source>
            <translation>将%1切换为运行</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="94" />
            <source>switch %1 to standby</source>
            <translation>将%1切换为待机</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="109" />
            <source>switch the rectifier modules off</source>
            <translation>关闭整流模块</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="109" />
            <source>switch the rectifier modules on</source>
            <translation>开启整流模块</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="204" />
            <source>test time reached</source>
            <translation>达到测试时间</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="69" />
            <source>the device could not carry out the command</source>
            <translation>设备无法执行该命令</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="67" />
            <source>too many requests</source>
            <translation>请求过于频繁</translation>
        </message>
        <message>
            <location filename="../../ui/control_dialogs.py" line="205" />
            <source>unknown (%1)</source>
            <translation>未知（%1）</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="72" />
            <source>unknown code</source>
            <translation>未知代码</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="68" />
            <source>unknown interface version</source>
            <translation>未知的接口版本</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="70" />
            <source>unknown system error</source>
            <translation>未知系统错误</translation>
        </message>
        <message>
            <location filename="../../ui/control_panel.py" line="92" />
            <source>unlock the %1</source>
            <translation>打开%1锁</translation>
        </message>
    </context>
    <context>
        <name>FetchCaptureDialog</name>
        <message>
            <location filename="../../ui/capture_fetch.py" line="106" />
            <source>%1 %2 opened</source>
            <translation>%1 %2 打开</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="168" />
            <source>Already stored: this capture is in the gallery.</source>
            <translation>已存储：此抓拍已在图库中。</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="103" />
            <source>Any time (type it below)</source>
            <translation>任意时间（在下方输入）</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="142" />
            <source>Asking %1 for the capture of cabinet %2 at %3…</source>
            <translation>正在向 %1 请求机柜 %2 在 %3 的抓拍…</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="67" />
            <source>Cabinet</source>
            <translation>机柜</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="82" />
            <source>Choose a door opening, or type the time the door opened.</source>
            <translation>选择一次开门事件，或输入开门时间。</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="64" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="68" />
            <source>Door event</source>
            <translation>开门事件</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="69" />
            <source>Door-open time</source>
            <translation>开门时间</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="62" />
            <source>Fetch</source>
            <translation>获取</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="50" />
            <source>Fetch capture</source>
            <translation>获取抓拍</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="66" />
            <source>Gantry</source>
            <translation>门架</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="170" />
            <source>No capture: %1</source>
            <translation>无抓拍：%1</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="165" />
            <source>Stored %1 capture(s) (%2); they are in the gallery.</source>
            <translation>已存储 %1 个抓拍（%2），可在图库中查看。</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="155" />
            <source>The fetch failed: %1</source>
            <translation>获取失败：%1</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="104" />
            <source>back door</source>
            <translation>后门</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="109" />
            <source>card %1</source>
            <translation>卡 %1</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="104" />
            <source>front door</source>
            <translation>前门</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="111" />
            <source>illegally</source>
            <translation>非法</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="163" />
            <source>photo</source>
            <translation>照片</translation>
        </message>
        <message>
            <location filename="../../ui/capture_fetch.py" line="163" />
            <source>video</source>
            <translation>视频</translation>
        </message>
    </context>
    <context>
        <name>MediaViewer</name>
        <message>
            <location filename="../../ui/media_viewer.py" line="480" />
            <source>%1 %2
Cabinet %3 %4</source>
            <translation>%1 %2
机柜 %3 %4</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="362" />
            <source>All cabinets</source>
            <translation>全部机柜</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="374" />
            <source>Ask the gantry for the capture of a door opening or of any time</source>
            <translation>向门架请求某次开门或任意时间的抓拍</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="364" />
            <source>Cabinet %1</source>
            <translation>机柜 %1</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="511" />
            <source>Cabinet %1, %2 door, opened %3</source>
            <translation>机柜 %1，%2 门，%3 打开</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="423" />
            <source>Door-open captures of %1</source>
            <translation>%1 的开门抓拍</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="424" />
            <source>Door-open captures: choose a gantry</source>
            <translation>开门抓拍：请选择门架</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="373" />
            <source>Fetch capture…</source>
            <translation>获取抓拍…</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="371" />
            <source>Keep this event</source>
            <translation>保留此事件</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="491" />
            <source>No captures yet. They are fetched when a report shows a cabinet door opening.</source>
            <translation>尚无抓拍。上报显示机柜门打开时会自动获取。</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="478" />
            <source>Photo</source>
            <translation>照片</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="478" />
            <source>Video</source>
            <translation>视频</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="479" />
            <source>back door</source>
            <translation>后门</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="479" />
            <source>front door</source>
            <translation>前门</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="481" />
            <source>kept</source>
            <translation>已保留</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="549" />
            <source>Door captures</source>
            <translation>开门抓拍</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="513" />
            <source>Cabinet %1, %2, opened %3</source>
            <translation>机柜 %1，%2，%3 打开</translation>
        </message>
    </context>
    <context>
        <name>Metric</name>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Battery charge</source>
            <translation>蓄电池电量</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Battery remaining capacity</source>
            <translation>蓄电池剩余容量</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Battery remaining time</source>
            <translation>蓄电池剩余时间</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Battery temperature</source>
            <translation>蓄电池温度</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>CPU temperature</source>
            <translation>CPU 温度</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>CPU usage</source>
            <translation>CPU 使用率</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Cabinet humidity</source>
            <translation>机柜湿度</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Cabinet temperature</source>
            <translation>机柜温度</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Computer</source>
            <translation>工控机</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Data disk usage</source>
            <translation>数据盘使用率</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Mains current</source>
            <translation>市电电流</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Mains energy (cumulative)</source>
            <translation>市电电能（累计）</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Mains frequency</source>
            <translation>市电频率</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Mains input</source>
            <translation>市电输入</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Mains power</source>
            <translation>市电功率</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Mains voltage</source>
            <translation>市电电压</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Memory usage</source>
            <translation>内存使用率</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Network usage</source>
            <translation>网络使用率</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Rectifier</source>
            <translation>整流模块</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Rectifier output current</source>
            <translation>整流模块输出电流</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Rectifier output power</source>
            <translation>整流模块输出功率</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Rectifier output voltage</source>
            <translation>整流模块输出电压</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Surge protector</source>
            <translation>防雷器</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Surge strike count</source>
            <translation>防雷器雷击次数</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>System disk usage</source>
            <translation>系统盘使用率</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>Thermohygrometer</source>
            <translation>温湿度计</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>UPS / battery</source>
            <translation>UPS / 蓄电池</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>UPS charge current</source>
            <translation>UPS 充电电流</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>UPS charge voltage</source>
            <translation>UPS 充电电压</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>UPS discharge current</source>
            <translation>UPS 放电电流</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="84" />
            <source>UPS discharge voltage</source>
            <translation>UPS 放电电压</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../ui/settings_dialog.py" line="256" />
            <source>A new data folder is used from the next start; it must be on a local disk.</source>
            <translation>新的数据文件夹在下次启动时生效；它必须位于本地磁盘上。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="220" />
            <source>Add gantry</source>
            <translation>添加门架</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="117" />
            <source>Alarm limits</source>
            <translation>告警限值</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="203" />
            <source>Auth code (all gantries):</source>
            <translation>认证码（全部门架）：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="65" />
            <source>Backup time deadband (min)</source>
            <translation>后备时间回差（分钟）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="60" />
            <source>Battery charge low (%)</source>
            <translation>蓄电池电量过低（%）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="174" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="207" />
            <source>Burst of requests allowed:</source>
            <translation>允许的突发请求数：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="56" />
            <source>CPU temperature high (°C)</source>
            <translation>CPU 温度过高（°C）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="55" />
            <source>Cabinet humidity high (%RH)</source>
            <translation>机柜湿度过高（%RH）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="53" />
            <source>Cabinet temperature high (°C)</source>
            <translation>机柜温度过高（°C）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="122" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="269" />
            <source>Captures may use at most (MiB, 0: no limit):</source>
            <translation>抓拍最多占用（MiB，0：不限）：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="323" />
            <source>Certificate created for this computer; devices must be set to trust it. Save to use it.</source>
            <translation>已为本机创建证书；设备须设置为信任该证书。保存后生效。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="181" />
            <source>Choose a PEM file</source>
            <translation>选择 PEM 文件</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="204" />
            <source>Clock skew tolerance (s, 0: off):</source>
            <translation>时钟偏差容限（秒，0：不检查）：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="291" />
            <source>Closing the window keeps Gantry Monitor running in the notification area</source>
            <translation>关闭窗口时门架监控在通知区域继续运行</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="289" />
            <source>Control PIN (empty: none):</source>
            <translation>控制 PIN（空：不需要）：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="72" />
            <source>Control URL</source>
            <translation>控制地址</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="318" />
            <source>Could not create the certificate: %1</source>
            <translation>无法创建证书：%1</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="419" />
            <source>Could not save the settings: %1</source>
            <translation>无法保存设置：%1</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="197" />
            <source>Create a self-signed certificate</source>
            <translation>创建自签名证书</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="116" />
            <source>Data and retention</source>
            <translation>数据与保留期限</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="179" />
            <source>Data folder</source>
            <translation>数据文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="254" />
            <source>Data folder:</source>
            <translation>数据文件夹：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="73" />
            <source>Device auth code</source>
            <translation>设备认证码</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="57" />
            <source>Disk usage high (%)</source>
            <translation>磁盘使用率过高（%）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="61" />
            <source>Door open longer than (s)</source>
            <translation>柜门打开超过（秒）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="225" />
            <source>Empty auth codes use the global one; an empty control URL uses http://&lt;monitoring PC address&gt;:3699/remotecontrol.do.</source>
            <translation type="vanished">认证码为空时使用全局认证码；控制地址为空时使用 http://&lt;监控计算机地址&gt;:3699/remotecontrol.do。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="264" />
            <source>Fetch door-open photos and videos automatically</source>
            <translation>自动获取开门照片和视频</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="115" />
            <source>Gantries</source>
            <translation>门架</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="386" />
            <source>Gantry %1 is listed twice.</source>
            <translation>门架 %1 重复出现。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="69" />
            <source>Gantry id</source>
            <translation>门架编号</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="63" />
            <source>Humidity deadband (%RH)</source>
            <translation>湿度回差（%RH）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="267" />
            <source>Keep captures for (days, 0: no limit):</source>
            <translation>抓拍保留（天，0：不限）：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="260" />
            <source>Keep every report for (days):</source>
            <translation>每条上报保留（天）：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="262" />
            <source>Keep hourly summaries for (years):</source>
            <translation>小时汇总保留（年）：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="287" />
            <source>Language:</source>
            <translation>语言：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="199" />
            <source>Leave both empty to receive over plain HTTP.</source>
            <translation>两项都留空则通过普通 HTTP 接收。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="192" />
            <source>Listen address:</source>
            <translation>监听地址：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="71" />
            <source>Location</source>
            <translation>位置</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="58" />
            <source>Memory usage high (%)</source>
            <translation>内存使用率过高（%）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="70" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="118" />
            <source>Operator</source>
            <translation>操作员</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="288" />
            <source>Operator name:</source>
            <translation>操作员姓名：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="182" />
            <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
            <translation>PEM 文件 (*.pem *.crt *.key);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="64" />
            <source>Percentage deadband (%)</source>
            <translation>百分比回差（%）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="193" />
            <source>Port:</source>
            <translation>端口：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="74" />
            <source>Receive auth code</source>
            <translation>接收认证码</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="114" />
            <source>Receiver</source>
            <translation>接收服务</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="222" />
            <source>Remove selected</source>
            <translation>删除所选</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="307" />
            <source>Replace certificate</source>
            <translation>替换证书</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="308" />
            <source>Replace the existing certificate and key?</source>
            <translation>替换现有的证书和密钥？</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="75" />
            <source>Reporting period (s)</source>
            <translation>上报周期（秒）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="206" />
            <source>Requests per second per gantry:</source>
            <translation>每个门架每秒请求数：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="121" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="112" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="194" />
            <source>TLS certificate:</source>
            <translation>TLS 证书：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="196" />
            <source>TLS private key:</source>
            <translation>TLS 私钥：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="62" />
            <source>Temperature deadband (°C)</source>
            <translation>温度回差（°C）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="442" />
            <source>The language changes the next time Gantry Monitor starts.</source>
            <translation>语言将在下次启动门架监控时更改。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="440" />
            <source>The new data folder is used from the next start.</source>
            <translation>新的数据文件夹在下次启动时生效。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="88" />
            <source>The test auth code 123456 from the protocol specification is in use: anyone who knows it can send data. Set your own auth code in File &gt; Settings.</source>
            <translation>正在使用协议规范中的测试认证码 123456：任何知道它的人都能发送数据。请在“文件 &gt; 设置”中设置自己的认证码。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="296" />
            <source>This desktop has no notification area.</source>
            <translation>此桌面没有通知区域。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="59" />
            <source>UPS backup time low (min)</source>
            <translation>UPS 后备时间过低（分钟）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="85" />
            <source>Must be a number.</source>
            <translation>必须是数字。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="83" />
            <source>Must be a whole number.</source>
            <translation>必须是整数。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="81" />
            <source>Must be at least %1.</source>
            <translation>不能小于 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="79" />
            <source>Must be at most %1.</source>
            <translation>不能大于 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="82" />
            <source>Must be greater than %1.</source>
            <translation>必须大于 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="80" />
            <source>Must be less than %1.</source>
            <translation>必须小于 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="241" />
            <source>Devices send times without a zone (door and capture times). Leave this empty when the gantries' clocks are set like this PC's; otherwise give the zone, e.g. Asia/Shanghai. A gantry's own zone (Gantries page) comes first.</source>
            <translation>设备上报的时间（门状态变化时间、抓拍时间）不带时区。门架时钟与本机设置相同时请留空；否则填写时区，例如 Asia/Shanghai。门架页中单个门架的时区优先。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="238" />
            <source>Gantries' time zone:</source>
            <translation>门架时区：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="78" />
            <source>Time zone</source>
            <translation>时区</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="239" />
            <source>this PC's time zone</source>
            <translation>本机时区</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="95" />
            <source>%1 is not a time zone name such as Asia/Shanghai (leave it empty for this PC's zone).</source>
            <translation>%1 不是时区名称（例如 Asia/Shanghai）；留空表示使用本机时区。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="269" />
            <source>Empty auth codes use the global one; an empty control URL uses http://&lt;monitoring PC address&gt;:3699/remotecontrol.do; an empty time zone uses the gantries' time zone of the Receiver page.</source>
            <translation>认证码为空时使用全局认证码；控制地址为空时使用 http://&lt;监控计算机地址&gt;:3699/remotecontrol.do；时区为空时使用“接收服务”页的门架时区。</translation>
        </message>
    </context>
    <context>
        <name>TrayKeeper</name>
        <message>
            <location filename="../../ui/lifecycle.py" line="134" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../ui/lifecycle.py" line="132" />
            <source>Show Gantry Monitor</source>
            <translation>显示门架监控</translation>
        </message>
    </context>
    <context>
        <name>Trend</name>
        <message>
            <location filename="../../ui/trend_panel.py" line="600" />
            <source>%1 closed</source>
            <translation>%1 关闭</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="600" />
            <source>%1 opened</source>
            <translation>%1 打开</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="621" />
            <source>%1 points</source>
            <translation>%1 个点</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="146" />
            <source>1 h</source>
            <translation>1 小时</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="146" />
            <source>1 y</source>
            <translation>1 年</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="146" />
            <source>24 h</source>
            <translation>24 小时</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="146" />
            <source>30 d</source>
            <translation>30 天</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="146" />
            <source>7 d</source>
            <translation>7 天</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="594" />
            <source>Alarm %1</source>
            <translation>告警 %1</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="167" />
            <source>Alarms</source>
            <translation>告警</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="383" />
            <source>At most %1 different units at once.</source>
            <translation>最多同时显示 %1 种不同单位。</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="730" />
            <source>CSV (*.csv);;Excel workbook (*.xlsx)</source>
            <translation>CSV (*.csv);;Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="289" />
            <source>Cabinet %1</source>
            <translation>机柜 %1</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="288" />
            <source>Computers</source>
            <translation>工控机</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="547" />
            <source>Could not read the history (see the log).</source>
            <translation>无法读取历史数据（详见日志）。</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="742" />
            <source>Could not write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="168" />
            <source>Doors</source>
            <translation>柜门</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="729" />
            <source>Export the chart</source>
            <translation>导出图表</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="745" />
            <source>Exported %1 rows to %2</source>
            <translation>已导出 %1 行到 %2</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="173" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="161" />
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="141" />
            <source>Gantry:</source>
            <translation>门架：</translation>
        </message>
        <message>
            <location filename="../../ui/trend_sparkline.py" line="52" />
            <source>Last 24 h — click to open the trend</source>
            <translation type="vanished">最近 24 小时 — 点击打开趋势</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="611" />
            <source>No gantry has reported yet.</source>
            <translation>尚无门架上报。</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="726" />
            <source>Nothing to export: tick a metric first.</source>
            <translation>无可导出内容：请先勾选指标。</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="159" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="620" />
            <source>Showing hourly rollups (mean per hour; the crosshair reads min / max)</source>
            <translation>显示小时汇总（每小时平均值；十字光标读取最小值 / 最大值）</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="618" />
            <source>Showing raw reports (one point per report)</source>
            <translation>显示原始上报（每次上报一个点）</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="464" />
            <source>The end of the range must be after its start.</source>
            <translation>时间范围的结束必须晚于开始。</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="614" />
            <source>Tick one or more metrics on the left.</source>
            <translation>请在左侧勾选一个或多个指标。</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="771" />
            <source>Trends</source>
            <translation>趋势</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="540" />
            <source>alarms unavailable</source>
            <translation>告警不可用</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="599" />
            <source>back door</source>
            <translation>后门</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="599" />
            <source>front door</source>
            <translation>前门</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="666" />
            <source>max</source>
            <translation>最大</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="666" />
            <source>min</source>
            <translation>最小</translation>
        </message>
        <message>
            <location filename="../../ui/trend_sparkline.py" line="97" />
            <source>no 24 h data</source>
            <translation type="vanished">无 24 小时数据</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="623" />
            <source>no data in this range</source>
            <translation>此范围内无数据</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="659" />
            <source>no report</source>
            <translation>无上报</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="163" />
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="797" />
            <source>times in %1</source>
            <translation>时间为 %1</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="127" />
            <source>%a %d</source>
            <translation>%m-%d</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="127" />
            <source>%b</source>
            <translation>%m月</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="1111" />
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="1113" />
            <source>%1 hourly max (%2)</source>
            <translation>%1 每小时最大值（%2）</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="1112" />
            <source>%1 hourly mean (%2)</source>
            <translation>%1 每小时平均值（%2）</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="1112" />
            <source>%1 hourly min (%2)</source>
            <translation>%1 每小时最小值（%2）</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="1110" />
            <source>Local time (%1)</source>
            <translation>当地时间（%1）</translation>
        </message>
    </context>
    <context>
        <name>VideoPanel</name>
        <message>
            <location filename="../../ui/media_viewer.py" line="149" />
            <source>Frame ▶</source>
            <translation>帧 ▶</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="220" />
            <source>Images (*.png *.jpg)</source>
            <translation>图片 (*.png *.jpg)</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="231" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="147" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="219" />
            <source>Save snapshot</source>
            <translation>保存快照</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="156" />
            <source>Snapshot…</source>
            <translation>快照…</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="162" />
            <source>Speed:</source>
            <translation>速度：</translation>
        </message>
        <message>
            <location filename="../../ui/media_viewer.py" line="148" />
            <source>◀ Frame</source>
            <translation>◀ 帧</translation>
        </message>
    </context>
    <context>
        <name>Unit</name>
        <message>
            <location filename="../../ui/trend_panel.py" line="213" />
            <source>min</source>
            <translation>分钟</translation>
        </message>
        <message>
            <location filename="../../ui/trend_panel.py" line="213" />
            <source>strikes</source>
            <translation>次</translation>
        </message>
    </context>
</TS>
