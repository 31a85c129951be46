; Inno Setup 6 script for the Windows installer of Gantry Monitor.
; Build the bundle first (uv run --group packaging python packaging/build.py --self-test),
; then: iscc packaging\installer.iss   ->  dist\GantryMonitor-Setup-<version>.exe
;
; Per-user install (no administrator rights needed). The program keeps its data (history database,
; captures, logs) in %LOCALAPPDATA%\GantryMonitor and its settings in the same user profile; the
; uninstaller leaves them in place so history survives an upgrade or a reinstall.

#define AppName "Gantry Monitor"
#define AppVersion "0.1.0"
#define AppExe "gantry-monitor.exe"

[Setup]
AppId={{6F0B7F4E-6C1E-4B7B-9C1A-3E2D8F1B9A10}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Gantry Monitor
DefaultDirName={localappdata}\Programs\GantryMonitor
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=GantryMonitor-Setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "autostart"; Description: "Start Gantry Monitor when I sign in"; GroupDescription: "Startup:"; Flags: unchecked

[Files]
Source: "..\dist\gantry-monitor\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{#AppName} (demo)"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "GantryMonitor"; ValueData: """{app}\{#AppExe}"""; Flags: uninsdeletevalue; Tasks: autostart

[Run]
Filename: "{app}\{#AppExe}"; Parameters: "--self-test"; StatusMsg: "Checking the installation..."; Flags: runhidden waituntilterminated
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
