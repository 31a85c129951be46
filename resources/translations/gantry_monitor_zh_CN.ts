<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlarmPopup</name>
    <message numerus="yes">
        <location filename="../../ui/alarm_notifier.py" line="63" />
        <source>… and %n more gantries</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
</context>
<context>
    <name>AlarmView</name>
    <message>
        <location filename="../../ui/alarm_view.py" line="94" />
        <source>All severities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="96" />
        <source>≥ %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="99" />
        <source>All states</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="99" />
        <source>Unacknowledged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="100" />
        <source>Acknowledged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="100" />
        <source>Cleared</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="101" />
        <source>Shelved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="106" />
        <source>Acknowledge…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="108" />
        <source>Shelve…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="110" />
        <source>Mute sound 15 min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="114" />
        <location filename="../../ui/alarm_view.py" line="250" />
        <source>Gantry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="115" />
        <source>Severity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="116" />
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="127" />
        <source>Active alarms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="165" />
        <source>%1 open, %2 unacknowledged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="179" />
        <source>All gantries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="210" />
        <source>Acknowledge</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../ui/alarm_view.py" line="211" />
        <source>Acknowledge %n alarm(s). Note (optional):</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="219" />
        <source>15 minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="219" />
        <source>1 hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="220" />
        <source>8 hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="220" />
        <source>24 hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="221" />
        <source>Shelve</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="222" />
        <source>Hide the selected alarms for:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="230" />
        <source>Muted until %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="241" />
        <source>all gantries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="242" />
        <source>Search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="244" />
        <source>Export alarms (CSV)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="246" />
        <source>Export events (CSV)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="249" />
        <source>From</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="249" />
        <source>to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="265" />
        <source>History and events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="290" />
        <source>Export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../ui/alarm_view.py" line="291" />
        <source>CSV files (*.csv)</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
</context>
</TS>